// The review station's style sheet, compiled into the binary.
// Colours: review = amber, blank = grey, accept = green, saved = blue outline.
#pragma once

namespace ledger::review::web {

inline constexpr const char* kAppCss = R"WEB(
body { font: 15px/1.4 system-ui, "DejaVu Sans", sans-serif; margin: 0; color: #222; }
header { display: flex; gap: 1em; align-items: center; padding: .4em 1em; background: #234; color: #fff; }
header button { margin-left: auto; }
#message { min-height: 1.4em; padding: .2em 1em; color: #a00; }
#message.ok { color: #060; }
section { padding: .5em 1em; }
#login-form { display: grid; gap: .6em; max-width: 20em; }
#filters { display: flex; flex-wrap: wrap; gap: 1em; margin-bottom: .5em; }
#queue { border-collapse: collapse; width: 100%; }
#queue td, #queue th { border-bottom: 1px solid #ddd; padding: .2em .5em; text-align: left; }
#queue tr.queue-item { cursor: pointer; }
#queue tr.queue-item:focus, #queue tr.queue-item:hover { background: #eef; outline: none; }
#queue tr.locked { color: #999; }
.help { color: #666; font-size: 90%; }
#record-head { display: flex; gap: 1em; align-items: center; margin-bottom: .5em; }
#record-body { display: flex; gap: 1em; }
#page-pane { flex: 1 1 50%; max-height: 85vh; overflow: auto; }
#page-wrap { position: relative; display: inline-block; }
#page-img { display: block; max-width: 100%; }
#boxes { position: absolute; left: 0; top: 0; width: 100%; height: 100%; pointer-events: none; }
#boxes rect { fill: none; stroke-width: 3; vector-effect: non-scaling-stroke; }
#boxes rect.review { stroke: #e90; } #boxes rect.blank { stroke: #888; } #boxes rect.accept { stroke: #3a3; }
#boxes rect.current { stroke: #04f; stroke-width: 5; }
#fields-pane { flex: 1 1 50%; max-height: 85vh; overflow: auto; }
.field { display: grid; grid-template-columns: 9em 1fr; gap: .2em .6em; padding: .4em; margin-bottom: .3em;
  border-left: 6px solid #ccc; }
.field.review { border-color: #e90; background: #fff8e8; }
.field.blank { border-color: #888; background: #f4f4f4; }
.field.accept { border-color: #3a3; opacity: .75; }
.field.saved { border-color: #04f; }
.field.conflict { background: #fdd; }
.field .key { font-weight: bold; }
.field .crop { grid-column: 1 / 3; max-width: 100%; transform-origin: left top; }
.field input { font-size: 120%; padding: .2em; }
#record-issues { margin: 4px 0 0; padding-left: 18px; color: #a00; }
.field .reasons { grid-column: 1 / 3; color: #a60; font-size: 85%; }
.field .note { grid-column: 1 / 3; color: #a00; font-size: 90%; }
#audit { font-size: 85%; color: #444; }
#groups { border-collapse: collapse; width: 100%; }
#groups td, #groups th { border-bottom: 1px solid #ddd; padding: .2em .5em; text-align: left; }
#groups tr.group-item { cursor: pointer; }
#groups tr.group-item:focus, #groups tr.group-item:hover { background: #eef; outline: none; }
#group-form { display: flex; gap: 1em; align-items: center; margin: .5em 0; }
#group-value { font-size: 130%; padding: .2em; min-width: 20em; }
#group-grid { display: flex; flex-wrap: wrap; gap: .5em; }
.group-member { margin: 0; padding: .3em; border: 3px solid #e90; background: #fff8e8; cursor: pointer; }
.group-member:focus { outline: 3px solid #04f; }
.group-member.evidence { border-color: #3a3; opacity: .75; cursor: default; }
.group-member .group-key { display: block; color: #666; font-size: .8em; }
.group-member.done { border-color: #04f; }
.group-member.removed { border-color: #aaa; opacity: .35; }
.group-member.removed figcaption { text-decoration: line-through; }
.group-member img { display: block; max-width: 360px; }
.group-member figcaption { font-size: 85%; color: #555; }
)WEB";

}  // namespace ledger::review::web
