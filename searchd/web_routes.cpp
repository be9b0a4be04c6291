// Page routes. Pages are read at each request, so a deployment can update
// them without restarting the daemon; assets go through httplib's mount point.
#include "searchd/web_routes.h"

#include <fstream>
#include <sstream>

#include "searchd/http_errors.h"

namespace tec::searchd {
namespace {

void serve_page(const std::filesystem::path& file, httplib::Response& res) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw HttpError(404, "page_introuvable", "page absente de ce serveur");
  std::ostringstream content;
  content << in.rdbuf();
  res.set_header("Cache-Control", "no-cache");
  res.set_content(content.str(), "text/html; charset=utf-8");
}

}  // namespace

bool register_web_routes(RouteTable& routes, const std::filesystem::path& web_dir) {
  if (!routes.server().set_mount_point("/static", (web_dir / "static").string())) return false;
  routes.Get("/", handler([web_dir](const httplib::Request&, httplib::Response& res) {
               serve_page(web_dir / "index.html", res);
             }));
  routes.Get("/conseil", handler([web_dir](const httplib::Request&, httplib::Response& res) {
               serve_page(web_dir / "conseil.html", res);
             }));
  // The page reads its source and id from its own address.
  routes.Get(R"(/ressources/[^/]+/[^/]+)", handler([web_dir](const httplib::Request&, httplib::Response& res) {
               serve_page(web_dir / "ressource.html", res);
             }));
  return true;
}

}  // namespace tec::searchd
