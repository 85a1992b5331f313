// The work done on one page between reading its reference and storing its result, behind an
// interface so that the runner can be tested with a fake and each thread owns its own engines.
#pragma once
#include <memory>

#include "core/page.hpp"

namespace ledger {

/// Turns one page into a PageResult. One instance is used by one thread at a time.
class PageProcessor {
 public:
  virtual ~PageProcessor() = default;
  /// Processes `ref`. A page that fails returns a result with `error` set (the reason), never
  /// throws for bad input; an exception that escapes is recorded as the page's error anyway.
  virtual PageResult process(const PageRef& ref) = 0;
};

/// Makes one PageProcessor per worker thread. `make()` may be called from several threads at
/// once and must be thread-safe.
class PageProcessorFactory {
 public:
  virtual ~PageProcessorFactory() = default;
  virtual std::unique_ptr<PageProcessor> make() = 0;
};

}  // namespace ledger
