// Source routes: listing, push with authorisation and spooling, sync status.
#include "searchd/source_routes.h"

#include <sodium.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <regex>

#include "analysis/utf8.h"
#include "schema/index_schema.h"
#include "searchd/http_errors.h"
#include "searchd/http_params.h"

namespace tec::searchd {
namespace {

const std::regex kSourceSlug("^[a-z0-9]+(-[a-z0-9]+)*$");

// The source a request's bearer token may write; throws 401 without one.
std::string authorised_source(const httplib::Request& req, const access::PartnerTokens& tokens) {
  const auto source = tokens.source_of(bearer_token(req));
  if (!source) throw HttpError(401, "jeton_invalide", "jeton inconnu ou révoqué");
  return *source;
}

bool flag(const httplib::Request& req, const char* name) {
  return req.has_param(name) && (req.get_param_value(name) == "true" || req.get_param_value(name) == "1");
}

std::string random_name() {
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * sizeof bytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

// How the sync report names an upload: the file name the partner gave
// (?name= or Content-Disposition's filename), else « envoi <source> ».
std::string upload_name(const httplib::Request& req, const std::string& source) {
  std::string name = req.has_param("name") ? req.get_param_value("name") : std::string();
  const std::string disposition = req.get_header_value("Content-Disposition");
  const std::size_t at = disposition.find("filename=\"");
  if (name.empty() && at != std::string::npos) {
    const std::size_t start = at + 10;
    name = disposition.substr(start, disposition.find('"', start) - start);
  }
  name = std::filesystem::path(name).filename().string();
  if (name.empty() || name.size() > 255 || analysis::first_invalid_utf8(name)) return "envoi " + source;
  return name;
}

}  // namespace

void register_source_routes(RouteTable& routes, IndexAccess& index, PushSettings* push) {
  routes.Get(
      "/v1/sources", handler([&index](const httplib::Request&, httplib::Response& res) {
        const std::string body = index.run([](IndexAccess::Reader& reader) {
          std::vector<SourceSummary> sources;
          const std::string prefix(schema::kPrefixSource);
          for (auto term = reader.db.allterms_begin(prefix); term != reader.db.allterms_end(prefix); ++term) {
            const std::string source = (*term).substr(prefix.size());
            sources.push_back({source, term.get_termfreq(), reader.db.get_metadata(schema::sync_metadata_key(source))});
          }
          return render_sources(sources);
        });
        res.set_content(body, kJson);
      }));

  routes.Get(
      R"(/v1/sources/([^/]+)/syncs/([^/]+))", handler([push](const httplib::Request& req, httplib::Response& res) {
        if (!push)
          throw HttpError(404, "synchronisation_introuvable", "aucune synchronisation : l'envoi de flux est désactivé");
        const auto status = push->syncs->status(req.matches[1], req.matches[2]);
        if (!status)
          throw HttpError(404, "synchronisation_introuvable",
                          "aucune synchronisation « " + std::string(req.matches[2]) + " » pour cette source");
        res.set_content(render_sync_status(*status), kJson);
      }));

  routes.Put(
      R"(/v1/sources/([^/]+)/feed)", streaming_handler([push](const httplib::Request& req, httplib::Response& res,
                                                              const httplib::ContentReader& content) {
        const std::string source = req.matches[1];
        if (!std::regex_match(source, kSourceSlug))
          throw HttpError(400, "parametre_invalide", "source « " + source + " » mal formée");
        if (!push)
          throw HttpError(503, "envoi_desactive", "l'envoi de flux n'est pas activé sur ce serveur (--tokens)");
        if (authorised_source(req, push->tokens) != source) {
          throw HttpError(403, "source_interdite", "ce jeton ne peut pas écrire la source « " + source + " »");
        }
        const bool csv = req.get_header_value("Content-Type").starts_with("text/csv");
        if (csv && !push->syncs->has_mapping(source)) {
          throw HttpError(415, "format_non_pris_en_charge",
                          "aucune correspondance CSV pour « " + source + " » : envoyez du JSON Lines");
        }

        const std::filesystem::path spool =
            std::filesystem::path(push->spool_dir) / (source + "-" + random_name() + (csv ? ".csv" : ".jsonl"));
        std::size_t received = 0;
        bool complete = false;
        {
          std::ofstream out(spool, std::ios::binary);
          if (!out) throw std::runtime_error("impossible d'écrire dans " + push->spool_dir);
          complete = content([&](const char* data, std::size_t length) {
            received += length;
            if (received > push->max_upload_bytes) return false;
            out.write(data, static_cast<std::streamsize>(length));
            return static_cast<bool>(out);
          });
          complete = complete && static_cast<bool>(out);
        }
        if (!complete) {
          std::filesystem::remove(spool);
          // httplib refuses a declared length over the limit before reading.
          const std::string declared = req.get_header_value("Content-Length");
          std::size_t declared_length = 0;
          std::from_chars(declared.data(), declared.data() + declared.size(), declared_length);
          if (received > push->max_upload_bytes || declared_length > push->max_upload_bytes) {
            throw HttpError(413, "flux_trop_gros",
                            "flux de plus de " + std::to_string(push->max_upload_bytes) + " octets refusé");
          }
          throw HttpError(400, "flux_interrompu", "le flux n'a pas été reçu en entier ; rien n'a été changé");
        }
        const SyncStatus status = push->syncs->submit({source, spool.string(), csv, flag(req, "allow_mass_delete"),
                                                       flag(req, "dry_run"), upload_name(req, source)});
        res.status = 202;
        res.set_header("Location", "/v1/sources/" + source + "/syncs/" + status.id);
        res.set_content(render_sync_status(status), kJson);
      }));
}

}  // namespace tec::searchd
