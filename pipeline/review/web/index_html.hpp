// The review station's one HTML page, compiled into the binary (no CDN: works offline).
// Edit here; the script and style are app_js.hpp and app_css.hpp.
#pragma once

namespace ledger::review::web {

inline constexpr const char* kIndexHtml = R"WEB(<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>ledger-ocr · review</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header>
  <strong>ledger-ocr review</strong>
  <span id="who"></span>
  <span id="progress"></span>
  <button id="logout" hidden>Log out</button>
</header>
<div id="message" role="status"></div>

<section id="login-view" hidden>
  <form id="login-form">
    <h2>Clerk login</h2>
    <label>Name <input id="login-name" autocomplete="username" required></label>
    <label>Password <input id="login-password" type="password" autocomplete="current-password" required></label>
    <button id="login-submit" type="submit">Log in</button>
  </form>
</section>

<section id="queue-view" hidden>
  <form id="filters">
    <label>Book <select id="f-book"><option value="">all books</option></select></label>
    <label>Order <select id="f-mode"><option value="records">records in page order</option>
      <option value="fields">fields, lowest confidence first</option></select></label>
    <label>Status <select id="f-status"><option value="todo">to review</option>
      <option value="done">done</option><option value="">all</option></select></label>
    <label>Reason <input id="f-reason" placeholder="e.g. low-confidence"></label>
    <button id="start" type="button">Start reviewing (Enter)</button>
    <button id="open-groups" type="button">Groups of look-alikes (Alt+G)</button>
  </form>
  <table id="queue"><thead><tr><th>Book</th><th>File</th><th>Page</th><th>Entry</th><th>Field</th>
    <th>State</th></tr></thead><tbody></tbody></table>
  <p class="help">Enter or click opens; in a record: Enter confirms a field and moves on,
    typing replaces, Tab / Shift+Tab move between fields to review, Ctrl+Enter accepts the whole
    record, Ctrl+↑/↓ zooms the crop, Esc back to the queue.</p>
</section>

<section id="group-view" hidden>
  <div id="group-head"><strong>Groups: one value for look-alike crops; entry numbers in sequence, days in order, dates agreeing with their words</strong>
    <button id="group-back" type="button">Queue (Esc)</button></div>
  <table id="groups"><thead><tr><th>Book</th><th>Field</th><th>Proposal</th><th>Crops</th>
    <th>Evidence</th></tr></thead><tbody></tbody></table>
  <div id="group-detail" hidden>
    <h3 id="group-title"></h3>
    <form id="group-form">
      <label>Value <input id="group-value" aria-label="group value" spellcheck="false"></label>
      <span id="group-info"></span>
      <button id="group-confirm" type="submit">Confirm for the group (Enter)</button>
    </form>
    <div id="group-grid"></div>
  </div>
  <p class="help">Enter opens a group; in a group: type or keep the value, click a crop (or Space on
    it) that does not belong to take it out, Enter fills every crop left, Esc back. In a group of
    entry numbers each crop keeps its own number: take out any that is wrong, Enter confirms.</p>
</section>

<section id="record-view" hidden>
  <div id="record-head"><span id="record-title"></span> <span id="record-state"></span>
    <button id="back" type="button">Queue (Esc)</button>
    <button id="finish" type="button">Finish record (Ctrl+Enter)</button>
    <ul id="record-issues"></ul></div>
  <div id="record-body">
    <div id="page-pane"><div id="page-wrap"><img id="page-img" alt="page"><svg id="boxes"></svg></div></div>
    <div id="fields-pane">
      <div id="fields-review"></div>
      <details id="accepted-box"><summary>Accepted fields</summary><div id="fields-accepted"></div></details>
      <h3>Audit</h3>
      <ol id="audit"></ol>
    </div>
  </div>
</section>
</body>
</html>
)WEB";

}  // namespace ledger::review::web
