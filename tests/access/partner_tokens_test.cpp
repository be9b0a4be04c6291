// Partner tokens: shown once, stored as salted hashes, each bound to a source.
#include "access/partner_tokens.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tec::access {
namespace {

TEST(PartnerTokens, ATokenOpensItsOwnSourceOnly) {
  test_support::TempDir dir;
  const std::string file = dir.str("tokens");
  const std::string anct = PartnerTokens::rotate(file, "anct");
  const std::string icpc = PartnerTokens::rotate(file, "icpc");
  const PartnerTokens tokens = PartnerTokens::load(file);
  EXPECT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens.source_of(anct), "anct");
  EXPECT_EQ(tokens.source_of(icpc), "icpc");
  EXPECT_FALSE(tokens.source_of("tec_inconnu"));
  EXPECT_FALSE(tokens.source_of(""));
}

TEST(PartnerTokens, TheFileNeverHoldsTheToken) {
  test_support::TempDir dir;
  const std::string file = dir.str("tokens");
  const std::string token = PartnerTokens::rotate(file, "anct");
  EXPECT_TRUE(token.starts_with("tec_"));
  EXPECT_GE(token.size(), 40u);
  EXPECT_EQ(test_support::read_file(file).find(token.substr(4)), std::string::npos);
}

TEST(PartnerTokens, RotationRevokesTheOldToken) {
  test_support::TempDir dir;
  const std::string file = dir.str("tokens");
  const std::string old_token = PartnerTokens::rotate(file, "anct");
  const std::string new_token = PartnerTokens::rotate(file, "anct");
  const PartnerTokens tokens = PartnerTokens::load(file);
  EXPECT_EQ(tokens.size(), 1u);
  EXPECT_FALSE(tokens.source_of(old_token));
  EXPECT_EQ(tokens.source_of(new_token), "anct");
}

TEST(PartnerTokens, AbsentFileHasNoTokenAndBadLinesAreErrors) {
  test_support::TempDir dir;
  EXPECT_EQ(PartnerTokens::load(dir.str("absent")).size(), 0u);
  test_support::write_file(dir.path() / "bad", "anct zz 00\n");
  EXPECT_THROW(PartnerTokens::load(dir.str("bad")), std::runtime_error);
}

TEST(PartnerTokens, TheAdminTokenIsNoPartnersAndNoPartnerTokenIsAdmin) {
  test_support::TempDir dir;
  const std::string file = dir.str("tokens");
  const std::string anct = PartnerTokens::rotate(file, "anct");
  const std::string admin = PartnerTokens::rotate_admin(file);
  const PartnerTokens tokens = PartnerTokens::load(file);
  EXPECT_TRUE(tokens.is_admin(admin));
  EXPECT_FALSE(tokens.is_admin(anct));
  EXPECT_FALSE(tokens.is_admin(""));
  EXPECT_NE(tokens.source_of(admin), "anct");
  // The reserved name cannot be taken as a partner's source.
  EXPECT_THROW(PartnerTokens::rotate(file, std::string(kAdminSource)), std::invalid_argument);
}

}  // namespace
}  // namespace tec::access
