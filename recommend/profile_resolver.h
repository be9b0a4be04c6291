// ProfileResolver: checks a ProfileRequest and fills in, from the territory
// reference data, what a code implies (kind, name, population, département,
// région, intercommunality).
#pragma once

#include <stdexcept>
#include <string>

#include "recommend/profile.h"
#include "territory/territories.h"

namespace tec::recommend {

struct ProfileError : std::runtime_error {
  enum class Kind {
    Invalid,          // a field is malformed or out of range
    UnknownTerritory  // a well-formed code that no territory has
  };
  ProfileError(Kind kind, const std::string& message) : std::runtime_error(message), kind(kind) {}
  Kind kind;
};

class ProfileResolver {
 public:
  // `territories` may be null: profiles must then give their fields directly.
  explicit ProfileResolver(const territory::Territories* territories) : territories_(territories) {}

  // Throws ProfileError.
  CollectivityProfile resolve(const ProfileRequest& request) const;

 private:
  const territory::Territories* territories_;
};

}  // namespace tec::recommend
