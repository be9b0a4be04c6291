// The small RapidJSON writing helpers every JSON body of tec-searchd uses.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>
#include <vector>

namespace tec::searchd {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

inline void put_string(JsonWriter& w, std::string_view value) {
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

inline void put(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  put_string(w, value);
}

// An empty value is written as null.
inline void put_or_null(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  if (value.empty()) w.Null();
  else put_string(w, value);
}

inline void put_list(JsonWriter& w, const char* key, const std::vector<std::string>& values) {
  w.Key(key);
  w.StartArray();
  for (const std::string& value : values) put_string(w, value);
  w.EndArray();
}

// What every listed resource shows, in every answer: which one it is.
inline void put_resource_identity(JsonWriter& w, std::string_view id, std::string_view source, std::string_view type,
                                  std::string_view title, std::string_view url) {
  put(w, "id", id);
  put(w, "source", source);
  put(w, "type", type);
  put(w, "title", title);
  put(w, "url", url);
}

inline std::string take(const rapidjson::StringBuffer& buffer) { return {buffer.GetString(), buffer.GetSize()}; }

}  // namespace tec::searchd
