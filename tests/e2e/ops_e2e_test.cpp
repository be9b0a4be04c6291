// End to end: what operators and integrators rely on. /metrics in the
// Prometheus format, the OpenAPI description against the routes actually
// served, CORS for allowed origins only, the per-client request cap, the
// JSON configuration file and JSON logs, and the terminal client.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <rapidjson/document.h>
#include <sys/socket.h>
#include <xapian.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "e2e/child_process.h"
#include "e2e/held_request.h"
#include "schema/index_schema.h"
#include "test_support.h"

namespace tec {
namespace {

constexpr const char* kAllowedOrigin = "https://territoiresencommun.example";

class OpsE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir;
    ASSERT_EQ(run_indexer({"--index", dir_->str("index"), test_support::test_corpus_path()}), 0);
    // Everything from the configuration file, as an operator would run it.
    const std::string config = test_support::write_file(dir_->path() / "tec-searchd.json", R"({
      "index": ")" + dir_->str("index") + R"(",
      "listen": "127.0.0.1:0",
      "territories": ")" + (test_support::source_dir() / "corpus/territories").string() + R"(",
      "web": ")" + (test_support::source_dir() / "searchd/web").string() + R"(",
      "cors-origin": [")" + kAllowedOrigin + R"("],
      "max-requests-per-client": 2,
      "read-timeout": 3,
      "log-format": "json"
    })");
    server_ = new Child({TEC_SEARCHD_BIN, "--config", config}, dir_->str("stderr.log"));
    port_ = read_port(*server_);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(path.c_str(), headers);
  }

  // The last lines of the server's log but the probes' (one request per line), to explain a failure.
  static std::string server_log_tail() {
    std::istringstream log(test_support::read_file(dir_->path() / "stderr.log"));
    std::vector<std::string> lines;
    for (std::string line; std::getline(log, line);) {
      if (line.find("GET /v1/search 200") == std::string::npos) lines.push_back(line);  // the probes say nothing
    }
    std::string tail = "\n-- server log --\n";
    for (std::size_t i = lines.size() > 30 ? lines.size() - 30 : 0; i < lines.size(); ++i) tail += lines[i] + "\n";
    return tail;
  }

  static test_support::TempDir* dir_;
  static Child* server_;
  static int port_;
};

test_support::TempDir* OpsE2eTest::dir_ = nullptr;
Child* OpsE2eTest::server_ = nullptr;
int OpsE2eTest::port_ = 0;

double metric_value(const std::string& exposition, const std::string& series) {
  std::istringstream lines(exposition);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return -1;
}

TEST_F(OpsE2eTest, MetricsCountRequestsLatencyZeroResultsCacheHitsAndTheIndex) {
  ASSERT_EQ(get("/v1/search?q=eclairage")->status, 200);
  ASSERT_EQ(get("/v1/search?q=zzzqqqxxwvv")->status, 200);
  ASSERT_EQ(get("/v1/search?q=zzzqqqxxwvv")->status, 200);  // answered from the cache
  ASSERT_EQ(get("/v1/resources/test/absente")->status, 404);
  // A request is counted when the server logs it, which may come just after
  // the client has read the response, on another worker than the next one.
  const auto all_counted = [](const std::string& text) {
    return metric_value(text, R"(tec_http_requests_total{endpoint="GET /v1/resources/{source}/{id}",status="404"})") >=
               1 &&
           metric_value(text, R"(tec_http_requests_total{endpoint="GET /v1/search",status="200"})") >= 3;
  };
  httplib::Result res = get("/metrics");
  for (int attempt = 0; attempt < 100 && !all_counted(res->body); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    res = get("/metrics");
  }
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = res->body;
  EXPECT_GE(metric_value(text, R"(tec_http_requests_total{endpoint="GET /v1/search",status="200"})"), 2);
  EXPECT_GE(metric_value(text, R"(tec_http_requests_total{endpoint="GET /v1/resources/{source}/{id}",status="404"})"),
            1);
  EXPECT_GE(metric_value(text, R"(tec_http_request_duration_seconds_count{endpoint="GET /v1/search",status="200"})"),
            2);
  EXPECT_NE(text.find(R"(tec_http_request_duration_seconds_bucket{endpoint="GET /v1/search",status="200",le="0.005"})"),
            std::string::npos);
  EXPECT_GE(metric_value(text, "tec_search_zero_results_total"), 2);
  EXPECT_GE(metric_value(text, R"(tec_cache_lookups_total{endpoint="GET /v1/search",result="hit"})"), 1);
  EXPECT_GE(metric_value(text, R"(tec_cache_lookups_total{endpoint="GET /v1/search",result="miss"})"), 2);
  EXPECT_EQ(metric_value(text, "tec_index_documents"), 12);
  EXPECT_EQ(metric_value(text, "tec_index_revision"),
            static_cast<double>(Xapian::Database(dir_->str("index")).get_revision()));
  EXPECT_NE(text.find("# TYPE tec_http_request_duration_seconds histogram"), std::string::npos);
}

// Each operation of the OpenAPI description, called with its documented
// examples, is served and answers one of its documented statuses.
TEST_F(OpsE2eTest, OpenApiDescribesTheRoutesServed) {
  const auto res = get("/v1/openapi.json");
  ASSERT_EQ(res->status, 200);
  rapidjson::Document doc;
  doc.Parse(res->body.c_str());
  ASSERT_FALSE(doc.HasParseError());
  ASSERT_EQ(std::string(doc["openapi"].GetString()).substr(0, 2), "3.");
  std::set<std::string> documented;
  httplib::Client client("127.0.0.1", port_);
  for (const auto& path : doc["paths"].GetObject()) {
    for (const auto& operation : path.value.GetObject()) {
      const std::string method = operation.name.GetString();
      if (method == "parameters" || method == "summary" || method == "description") continue;
      std::string url = path.name.GetString();
      documented.insert(method + " " + url);
      httplib::Params query;
      if (operation.value.HasMember("parameters")) {
        for (const auto& parameter : operation.value["parameters"].GetArray()) {
          const std::string where = parameter["in"].GetString(), name = parameter["name"].GetString();
          const bool required = parameter.HasMember("required") && parameter["required"].GetBool();
          if (!required || !parameter.HasMember("example")) continue;
          const std::string example = parameter["example"].IsString() ? parameter["example"].GetString()
                                                                      : std::to_string(parameter["example"].GetInt());
          if (where == "path") url = std::regex_replace(url, std::regex("\\{" + name + "\\}"), example);
          if (where == "query") query.emplace(name, example);
        }
      }
      ASSERT_EQ(url.find('{'), std::string::npos) << "path parameter without example: " << path.name.GetString();
      ASSERT_TRUE(method == "get" || method == "post" || method == "put") << "method not tested: " << method;
      const httplib::Result answer = method == "get"
                                         ? client.Get(url.c_str(), query, httplib::Headers{}, httplib::Progress{})
                                     : method == "post" ? client.Post(url.c_str(), "{}", "application/json")
                                                        : client.Put(url.c_str(), "", "application/x-ndjson");
      ASSERT_TRUE(answer) << method << " " << url;
      rapidjson::Document error;
      error.Parse(answer->body.c_str());
      const bool unknown_route = answer->status == 404 && !error.HasParseError() && error.IsObject() &&
                                 error.HasMember("error") &&
                                 std::string(error["error"]["code"].GetString()) == "route_inconnue";
      EXPECT_FALSE(unknown_route) << method << " " << url << " is not served";
      const auto& responses = operation.value["responses"];
      EXPECT_TRUE(responses.HasMember(std::to_string(answer->status).c_str()))
          << method << " " << url << " answered " << answer->status << ", not documented";
    }
  }
  for (const char* route : {"get /v1/search",
                            "get /v1/suggest",
                            "get /v1/resources/{source}/{id}",
                            "get /v1/resources/{source}/{id}/similar",
                            "get /v1/recommend",
                            "post /v1/recommend",
                            "get /v1/territories",
                            "get /v1/territories/{code}",
                            "get /v1/territories/{code}/peers",
                            "post /v1/cohorts",
                            "get /v1/sources",
                            "put /v1/sources/{source}/feed",
                            "get /v1/sources/{source}/syncs/{id}",
                            "get /v1/stats/queries",
                            "get /healthz",
                            "get /metrics",
                            "get /v1/openapi.json",
                            "get /",
                            "get /conseil",
                            "get /ressources/{source}/{id}"}) {
    EXPECT_TRUE(documented.contains(route)) << route << " is served but not documented";
  }
}

TEST_F(OpsE2eTest, CorsOnlyForAllowedOrigins) {
  const auto allowed = get("/v1/search?q=budget", {{"Origin", kAllowedOrigin}});
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), kAllowedOrigin);
  EXPECT_EQ(allowed->get_header_value("Vary"), "Origin");
  const auto other = get("/v1/search?q=budget", {{"Origin", "https://ailleurs.example"}});
  EXPECT_EQ(other->status, 200);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  EXPECT_NE(other->get_header_value("Access-Control-Allow-Origin"), "*");

  httplib::Client client("127.0.0.1", port_);
  httplib::Request preflight;
  preflight.method = "OPTIONS";
  preflight.path = "/v1/recommend";
  preflight.headers = {{"Origin", kAllowedOrigin}, {"Access-Control-Request-Method", "POST"}};
  const auto answer = client.send(preflight);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 204);
  EXPECT_EQ(answer->get_header_value("Access-Control-Allow-Origin"), kAllowedOrigin);
  EXPECT_NE(answer->get_header_value("Access-Control-Allow-Methods").find("POST"), std::string::npos);
}

// Sends `request` on a fresh connection and reads the answer until the
// server closes it.
std::string raw_exchange(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("connect");
  send(fd, request.data(), request.size(), 0);
  std::string answer;
  char buffer[4096];
  for (ssize_t got; (got = recv(fd, buffer, sizeof buffer, 0)) > 0;)
    answer.append(buffer, static_cast<std::size_t>(got));
  close(fd);
  return answer;
}

TEST_F(OpsE2eTest, APostOrPutWithoutLengthIsRefusedFromItsHeaders) {
  // Answered from the headers, with the connection kept open by the client:
  // the server does not wait for a body that is not coming.
  for (const char* head : {"POST /v1/recommend HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\r\n",
                           "PUT /v1/sources/anct/feed HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"}) {
    const std::string answer = raw_exchange(port_, head);
    EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
    EXPECT_NE(answer.find("corps_manquant"), std::string::npos) << answer;
    EXPECT_NE(answer.find("en-tête Content-Length attendu"), std::string::npos) << answer;
  }
}

TEST_F(OpsE2eTest, AKnownAddressAskedWithAnotherMethodIs405) {
  httplib::Client client("127.0.0.1", port_);
  const auto deleted = client.Delete("/v1/search");
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 405);
  EXPECT_EQ(deleted->get_header_value("Allow"), "GET, HEAD");
  EXPECT_NE(deleted->body.find("methode_non_autorisee"), std::string::npos) << deleted->body;
  EXPECT_NE(deleted->body.find("méthode DELETE non acceptée à cette adresse : GET, HEAD attendu"), std::string::npos)
      << deleted->body;

  const auto posted = client.Post("/v1/resources/test/eclairage-extinction", "{}", "application/json");
  EXPECT_EQ(posted->status, 405);
  const auto got = client.Get("/v1/cohorts");
  EXPECT_EQ(got->status, 405);
  EXPECT_EQ(got->get_header_value("Allow"), "POST");
  const auto recommend = client.Put("/v1/recommend", "{}", "application/json");
  EXPECT_EQ(recommend->status, 405);
  EXPECT_EQ(recommend->get_header_value("Allow"), "GET, HEAD, POST");
  EXPECT_EQ(client.Delete("/v1/nulle-part")->status, 404);
}

TEST_F(OpsE2eTest, OneClientCannotHoldEveryWorker) {
  // Two requests held mid-body fill this client's two slots, so a third is
  // refused. The probes share one keep-alive connection: a new connection
  // per probe would leave workers waiting on closed keep-alive sockets, and
  // under ASan the held requests then queued behind them.
  httplib::Client probe("127.0.0.1", port_);
  probe.set_keep_alive(true);
  std::string body, retry_after;
  HeldRequest first(port_), second(port_);
  const int status = status_once_held({&first, &second}, [&] {
    const auto refused = probe.Get("/v1/search?q=budget");
    if (!refused) return -1;
    body = refused->body;
    retry_after = refused->get_header_value("Retry-After");
    return refused->status;
  });
  EXPECT_EQ(status, 429) << server_log_tail();
  EXPECT_NE(body.find("trop_de_requetes"), std::string::npos);
  EXPECT_EQ(retry_after, "1");
  const std::string answer = first.finish();
  EXPECT_NE(answer.find("HTTP/1.1 200"), std::string::npos) << "held request answered: " << answer << server_log_tail();
  // The server gives the slot back once it has logged the request, which may
  // come just after the client has read the response.
  int after = 0;
  for (int attempt = 0; attempt < 100 && after != 200; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    after = probe.Get("/v1/search?q=budget")->status;
  }
  EXPECT_EQ(after, 200) << "the slot is given back";
}

TEST_F(OpsE2eTest, LogsAreOneJsonObjectPerLine) {
  ASSERT_EQ(get("/healthz")->status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const std::string log = test_support::read_file(dir_->path() / "stderr.log");
  std::istringstream lines(log);
  std::string line;
  std::size_t requests = 0;
  while (std::getline(lines, line)) {
    rapidjson::Document entry;
    entry.Parse(line.c_str());
    ASSERT_FALSE(entry.HasParseError()) << line;
    ASSERT_TRUE(entry.IsObject() && entry.HasMember("time") && entry.HasMember("level") && entry.HasMember("message"))
        << line;
    requests += std::string(entry["message"].GetString()).rfind("GET /healthz 200", 0) == 0;
  }
  EXPECT_GE(requests, 1u);
  // An index written by this version: every document counted in the facets.
  EXPECT_EQ(log.find("version antérieure"), std::string::npos);
}

// A misspelt setting must not silently keep its default.
TEST(OpsE2eConfigTest, AnUnknownKeyInTheConfigurationFileStopsTheStart) {
  const test_support::TempDir dir;
  const std::string config =
      test_support::write_file(dir.path() / "tec-searchd.json", R"({"listen": "127.0.0.1:0", "threds": 4})");
  Child server({TEC_SEARCHD_BIN, "--config", config}, dir.str("stderr.log"));
  server.read_all();
  EXPECT_NE(server.wait(), 0);
  const std::string log = test_support::read_file(dir.path() / "stderr.log");
  EXPECT_NE(log.find("option inconnue « threds »"), std::string::npos) << log;
  // In French to the end, with where the help is.
  EXPECT_NE(log.find("Aide : tec-searchd --help"), std::string::npos) << log;
  EXPECT_EQ(log.find("Run with"), std::string::npos) << log;
}

// An index created by an earlier layout is served with a warning; one of a
// later layout, which this daemon could misread, is refused.
TEST(OpsE2eLayoutTest, TheIndexLayoutIsCheckedAtStart) {
  const test_support::TempDir dir;
  ASSERT_EQ(run_indexer({"--index", dir.str("index"), test_support::test_corpus_path()}), 0);
  const auto record_layout = [&](int version) {
    Xapian::WritableDatabase db(dir.str("index"));
    db.set_metadata(std::string(schema::kLayoutMetadataKey), schema::layout_name(version));
    db.commit();
  };
  record_layout(schema::kIndexLayoutVersion - 1);
  {
    Child server({TEC_SEARCHD_BIN, "--index", dir.str("index"), "--listen", "127.0.0.1:0"}, dir.str("older.log"));
    read_port(server);
  }
  const std::string older = test_support::read_file(dir.path() / "older.log");
  EXPECT_NE(older.find("l'index a été créé au format " + schema::layout_name(schema::kIndexLayoutVersion - 1)),
            std::string::npos)
      << older;

  record_layout(schema::kIndexLayoutVersion + 1);
  Child server({TEC_SEARCHD_BIN, "--index", dir.str("index"), "--listen", "127.0.0.1:0"}, dir.str("newer.log"));
  const std::string banner = server.read_line();  // empty once it has exited
  ASSERT_EQ(banner, "") << "tec-searchd started on an index of a newer layout";
  EXPECT_EQ(server.wait(), 2);
  const std::string newer = test_support::read_file(dir.path() / "newer.log");
  EXPECT_NE(newer.find("plus récent que celui de ce programme"), std::string::npos) << newer;
}

TEST_F(OpsE2eTest, ErrorsShowNoInternals) {
  const auto res = get("/v1/resources/test/%2e%2e%2fetc");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.find(dir_->str()), std::string::npos);
  EXPECT_EQ(res->body.find(".cpp"), std::string::npos);
}

TEST_F(OpsE2eTest, TerminalClientSearchesAndRecommends) {
  const std::string server = "http://127.0.0.1:" + std::to_string(port_);
  Child search({TEC_SEARCH_BIN, "--server", server, "eclairage", "public"});
  const std::string found = search.read_all();
  EXPECT_EQ(search.wait(), 0);
  EXPECT_NE(found.find("Éclairage public : consulter les habitants avant l’extinction nocturne"), std::string::npos)
      << found;
  EXPECT_NE(found.find("Retour d'expérience"), std::string::npos);
  EXPECT_EQ(found.find("<mark>"), std::string::npos) << "highlighting is rendered, not shown as HTML";
  EXPECT_EQ(found.find("\033["), std::string::npos) << "no colour when the output is not a terminal";

  Child recommend(
      {TEC_SEARCH_BIN, "--server", server, "--recommend", "--insee", "34164", "--theme", "éclairage public"});
  const std::string recommended = recommend.read_all();
  EXPECT_EQ(recommend.wait(), 0);
  EXPECT_NE(recommended.find("Montaud"), std::string::npos) << recommended;
  EXPECT_NE(recommended.find("Hérault"), std::string::npos);
  EXPECT_NE(recommended.find("Ressources recommandées"), std::string::npos);

  Child unknown({TEC_SEARCH_BIN, "--server", server, "--recommend", "--insee", "34999"});
  unknown.read_all();
  EXPECT_EQ(unknown.wait(), 1);
}

TEST_F(OpsE2eTest, TerminalClientTakesOptionsBeforeTheWords) {
  const std::string server = "http://127.0.0.1:" + std::to_string(port_);
  Child theme({TEC_SEARCH_BIN, "--server", server, "--theme", "éclairage public", "extinction"});
  const std::string by_theme = theme.read_all();
  EXPECT_EQ(theme.wait(), 0);
  EXPECT_NE(by_theme.find("Éclairage public : consulter les habitants avant l’extinction nocturne"), std::string::npos)
      << by_theme;

  Child type({TEC_SEARCH_BIN, "--server", server, "--type", "guide", "budget", "participatif"});
  const std::string by_type = type.read_all();
  EXPECT_EQ(type.wait(), 0);
  EXPECT_NE(by_type.find("Mise en œuvre d’un budget participatif"), std::string::npos) << by_type;
}

TEST_F(OpsE2eTest, TerminalClientUsageErrorsSayWhatWasWrong) {
  const std::string errors = dir_->str("client-stderr.log");
  Child unknown({TEC_SEARCH_BIN, "budget", "--frobnicate"}, errors);
  EXPECT_EQ(unknown.read_all(), "") << "no usage on stdout";
  EXPECT_EQ(unknown.wait(), 2);
  EXPECT_EQ(test_support::read_file(errors), "tec-search : option inconnue : --frobnicate\nAide : tec-search --help\n");
}

}  // namespace
}  // namespace tec
