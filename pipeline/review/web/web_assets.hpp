// The review station's web assets (HTML, JS, CSS) as compiled-in strings, for the server.
// One header per asset keeps each editable on its own.
#pragma once
#include "review/web/app_css.hpp"
#include "review/web/app_js.hpp"
#include "review/web/index_html.hpp"
