// Tests for the HTML escaping shared by the reports.
#include "core/html.hpp"

#include <gtest/gtest.h>

namespace ledger {

TEST(Html, EscapesMarkupAndQuotesButKeepsVietnamese) {
  EXPECT_EQ(html_escape("<b>\"Hoà\" & Đức</b>"), "&lt;b&gt;&quot;Hoà&quot; &amp; Đức&lt;/b&gt;");
  EXPECT_EQ(html_escape(""), "");
}

}  // namespace ledger
