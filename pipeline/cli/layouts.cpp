// `ledger-ocr layouts`: lists the known layouts, or checks layout files a clerk-IT person wrote.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "layout/layout_library.hpp"
#include "layout/layout_loader.hpp"

namespace {

struct Opts {
  std::string dir = ledger::default_layout_dir().string();
  std::vector<std::string> check;
};

int check_files(const std::vector<std::string>& files) {
  int bad = 0;
  for (const auto& f : files) {
    try {
      auto t = ledger::load_layout(f);
      std::cout << f << ": ok (" << t.id << ", " << t.field_keys().size() << " fields)\n";
    } catch (const ledger::ConfigError& e) {
      std::cerr << e.what() << "\n";
      ++bad;
    }
  }
  return bad ? ledger::cli::kFailed : ledger::cli::kOk;
}

int list_dir(const std::string& dir) {
  auto lib = ledger::LayoutLibrary::load_dir(dir);
  for (const auto& t : lib.all()) {
    std::cout << t.id << "\t" << (t.kind == ledger::LayoutKind::Form ? "form" : "table") << "\t"
              << t.book_type << " " << t.year_from << "-" << t.year_to << "\t"
              << t.field_keys().size() << " fields\t" << t.all_anchors().size() << " anchors\t"
              << t.title << "\n";
    std::cout << "  ";
    for (const auto& k : t.field_keys()) std::cout << " " << k;
    std::cout << "\n";
  }
  return ledger::cli::kOk;
}

const ledger::cli::CommandRegistration reg{
    {80, "layouts", "List the known page layouts, or check layout files (--check FILE...)",
     [](CLI::App& sub) {
       auto opts = std::make_shared<Opts>();
       sub.add_option("--dir", opts->dir, "folder of layout files")->capture_default_str();
       sub.add_option("--check", opts->check, "validate these layout files instead of listing");
       return std::function<int()>([opts] {
         if (!opts->check.empty()) return check_files(opts->check);
         return list_dir(opts->dir);  // a ConfigError reaches main: message + exit 3
       });
     }}};

}  // namespace
