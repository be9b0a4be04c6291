// The client a request counts against: X-Forwarded-For only from a trusted proxy.
#include "searchd/client_address.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace tec::searchd {
namespace {

const std::vector<std::string> kProxies = {"10.0.0.1", "::1"};

TEST(ClientAddress, UntrustedConnectionHeaderIsIgnored) {
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", kProxies), "203.0.113.7");
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", {}), "203.0.113.7");
}

TEST(ClientAddress, TrustedProxyGivesTheAddressItAppended) {
  EXPECT_EQ(client_address("10.0.0.1", "198.51.100.1", kProxies), "198.51.100.1");
  EXPECT_EQ(client_address("::1", "2001:db8::7", kProxies), "2001:db8::7");
}

TEST(ClientAddress, RightmostUntrustedEntryWinsOverWhatTheClientWrote) {
  // The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended its address.
  EXPECT_EQ(client_address("10.0.0.1", "1.2.3.4, 198.51.100.1", kProxies), "198.51.100.1");
  // Two proxies in a row: the inner one is skipped.
  EXPECT_EQ(client_address("10.0.0.1", "1.2.3.4, 198.51.100.1 ,10.0.0.1", kProxies), "198.51.100.1");
}

TEST(ClientAddress, TrustedProxyWithoutHeaderCountsAsItself) {
  EXPECT_EQ(client_address("10.0.0.1", "", kProxies), "10.0.0.1");
  EXPECT_EQ(client_address("10.0.0.1", " , 10.0.0.1", kProxies), "10.0.0.1");
}

TEST(ClientAddress, AddressesAreComparedInCanonicalForm) {
  EXPECT_EQ(client_address("0:0::1", "2001:DB8:0::7", kProxies), "2001:db8::7");
  EXPECT_EQ(canonical_ip("2001:DB8:0:0::1"), "2001:db8::1");
  EXPECT_EQ(canonical_ip("127.0.0.1"), "127.0.0.1");
}

TEST(ClientAddress, NonLiteralProxyIsRefusedWithItsName) {
  try {
    canonical_ip("proxy.example");
    FAIL() << "accepted a host name";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("« proxy.example »"), std::string::npos) << e.what();
  }
  EXPECT_THROW(canonical_ip("10.0.0.0/8"), std::invalid_argument);
}

}  // namespace
}  // namespace tec::searchd
