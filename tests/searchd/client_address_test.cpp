// The client a request counts against: X-Forwarded-For only from a trusted proxy.
#include "searchd/client_address.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace tec::searchd {
namespace {

const std::vector<std::string> kProxies = {"10.0.0.1", "::1"};

TEST(ClientAddress, UntrustedConnectionHeaderIsIgnored) {
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", kProxies), "203.0.113.7");
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", TrustedProxies({})), "203.0.113.7");
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
  EXPECT_EQ(canonical_proxy("2001:DB8:0:0::1"), "2001:db8::1");
  EXPECT_EQ(canonical_proxy("127.0.0.1"), "127.0.0.1");
}

// A load balancer's pool or a container network has many addresses.
TEST(ClientAddress, ATrustedNetworkCoversEveryAddressInIt) {
  const std::vector<std::string> networks = {"10.0.0.0/8", "fd00::/8"};
  EXPECT_EQ(client_address("10.1.2.3", "198.51.100.1", networks), "198.51.100.1");
  EXPECT_EQ(client_address("fd12:3456::9", "198.51.100.1", networks), "198.51.100.1");
  EXPECT_EQ(client_address("11.0.0.1", "198.51.100.1", networks), "11.0.0.1") << "outside the network";
  // Proxies of the network in the chain are skipped as well.
  EXPECT_EQ(client_address("10.1.2.3", "1.2.3.4, 198.51.100.1, 10.9.9.9", networks), "198.51.100.1");
  // An IPv4 client of a dual-stack socket.
  EXPECT_EQ(client_address("::ffff:10.1.2.3", "198.51.100.1", networks), "198.51.100.1");
  EXPECT_EQ(client_address("192.168.7.7", "198.51.100.1", TrustedProxies({"192.168.4.0/22"})), "198.51.100.1");
  EXPECT_EQ(client_address("192.168.8.1", "198.51.100.1", TrustedProxies({"192.168.4.0/22"})), "192.168.8.1");
}

TEST(ClientAddress, NetworksAreGivenInCanonicalForm) {
  EXPECT_EQ(canonical_proxy("10.0.0.0/8"), "10.0.0.0/8");
  EXPECT_EQ(canonical_proxy("10.1.2.3/8"), "10.0.0.0/8");
  EXPECT_EQ(canonical_proxy("2001:DB8:0::/32"), "2001:db8::/32");
  EXPECT_EQ(canonical_proxy("10.0.0.1/32"), "10.0.0.1");
  EXPECT_EQ(canonical_proxy("0.0.0.0/0"), "0.0.0.0/0");
}

TEST(ClientAddress, NonLiteralProxyIsRefusedWithItsName) {
  try {
    canonical_proxy("proxy.example");
    FAIL() << "accepted a host name";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("« proxy.example »"), std::string::npos) << e.what();
  }
  for (const char* wrong : {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8x", "::/129", "/8", "10.0.0.0/-1"}) {
    EXPECT_THROW(canonical_proxy(wrong), std::invalid_argument) << wrong;
  }
}

}  // namespace
}  // namespace tec::searchd
