// What a clerk confirms in the review station reaches the exports (records/export.hpp):
// a reviewed-only export holds exactly the finished record, with the corrected value.
#include <sstream>

#include "records/export.hpp"
#include "review_fixture.hpp"

namespace ledger::review::test {
namespace {

TEST_F(ReviewFixture, ReviewedOnlyExportHoldsTheCorrectedRecord) {
  auto anna = login("anna");
  auto id = std::to_string(ClerkClient::json_of(anna.get("/api/next"))["id"].get<std::int64_t>());
  ASSERT_EQ(anna.post("/api/record/" + id + "/field",
                      {{"key", "ho_ten"}, {"value", "Đinh Văn Mười"}, {"version", 0}})->status, 200);
  ASSERT_EQ(anna.post("/api/record/" + id + "/done", nlohmann::json::object())->status, 200);

  auto store = Store::open(sample.store);
  ExportOptions options;
  options.filter.reviewed_only = true;
  std::ostringstream out;
  auto summary = export_store(store, options, out);
  EXPECT_EQ(summary.records, 1u);
  EXPECT_NE(out.str().find("Đinh Văn Mười"), std::string::npos) << out.str().substr(0, 400);

  std::ostringstream all;
  options.filter.reviewed_only = false;
  EXPECT_EQ(export_store(store, options, all).records, size_t(sample.records));
}

}  // namespace
}  // namespace ledger::review::test
