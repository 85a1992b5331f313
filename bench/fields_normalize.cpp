// Benchmark of field normalisation with lexicons: microseconds per field for names (per-syllable
// correction), places (era index), dates in words, free text; and the lexicons' load time.
// Goal (issue): < 1 ms per field with lexicons of a few thousand entries.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "fields/lexicons.hpp"
#include "fields/normalize.hpp"

int main() {
  using clock = std::chrono::steady_clock;
  auto t0 = clock::now();
  const ledger::Lexicons& lx = ledger::Lexicons::builtin();
  double load_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
  std::printf("lexicons load: %.1f ms (%zu places, %zu syllables)\n", load_ms, lx.places().size(),
              lx.syllables().size());

  ledger::FieldContext ctx;
  ctx.book_year = 2017;
  ctx.lexicons = &lx;
  struct Case {
    const char* label;
    ledger::FieldType type;
    std::vector<std::string> raws;
  } cases[] = {
      {"name (exact)", ledger::FieldType::Name, {"Nguyễn Văn An", "Lưu Ngọc Tuấn", "Trần Thị Hoà"}},
      {"name (misread)", ledger::FieldType::Name, {"Nguyen Van An", "Nguyến Thị Hoa", "Xqzrw Văn Lăm"}},
      {"place", ledger::FieldType::Place,
       {"Xã Hướng Phùng, huyện Hướng Hóa, tỉnh Quảng Trị", "Xã Huong Phung, Huyện Huong Hoa", "Thôn 3, xã Vĩnh Thạch"}},
      {"ethnicity", ledger::FieldType::Ethnicity, {"Kinh", "Vân Kiều", "Pa Kô", "Kjnh"}},
      {"date", ledger::FieldType::Date, {"05/3/2010", "ngày 05 tháng 3 năm 2010", "30/02/2010"}},
      {"date in words", ledger::FieldType::DateWords,
       {"ngày chín, tháng một, năm hai ngàn lẻ tám", "ngay hai muoi mot thang muoi hai nam mot nghin chin tram chin muoi lam"}},
      {"text", ledger::FieldType::Text, {"Đăng ký quá hạn theo quyết định của Ủy ban nhân dân xã"}},
  };
  for (const auto& c : cases) {
    const int reps = 300;
    auto t = clock::now();
    std::clock_t cpu0 = std::clock();
    size_t sink = 0;
    for (int i = 0; i < reps; ++i)
      for (const auto& raw : c.raws) sink += ledger::normalize_field(c.type, raw, ctx).value.size();
    double n = double(reps * c.raws.size());
    double us = std::chrono::duration<double, std::micro>(clock::now() - t).count() / n;
    double cpu_us = 1e6 * double(std::clock() - cpu0) / CLOCKS_PER_SEC / n;
    // CPU time too: on a shared machine wall time also counts waiting for a core.
    std::printf("%-16s %8.1f us/field wall %8.1f us/field cpu  (%zu)\n", c.label, us, cpu_us, sink % 10);
  }
  return 0;
}
