// RouteTable: the 405 answers of known addresses asked with another method.
#include "searchd/route_table.h"

#include "searchd/http_errors.h"
#include "searchd/json_render.h"

namespace tec::searchd {

void RouteTable::answer_other_methods() {
  for (const auto& [pattern, methods] : methods_) {
    // HEAD is answered by the GET handler (httplib).
    std::string allow;
    for (const std::string& method : methods)
      allow += (allow.empty() ? "" : ", ") + method + (method == "GET" ? ", HEAD" : "");
    const httplib::Server::Handler refuse = [allow](const httplib::Request& req, httplib::Response& res) {
      res.status = 405;
      res.set_header("Allow", allow);
      res.set_content(render_error("methode_non_autorisee",
                                   "méthode " + req.method + " non acceptée à cette adresse : " + allow + " attendu"),
                      kJson);
    };
    if (!methods.contains("GET")) server_.Get(pattern, refuse);
    if (!methods.contains("POST")) server_.Post(pattern, refuse);
    if (!methods.contains("PUT")) server_.Put(pattern, refuse);
    server_.Delete(pattern, refuse);
    server_.Patch(pattern, refuse);
  }
}

}  // namespace tec::searchd
