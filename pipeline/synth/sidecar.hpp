// The ground truth of a generated page (`ledger-gt/1`): each field's normalised value, where its
// ink lies in the final image, and whether it is handwriting-like.
#pragma once
#include <string>
#include <vector>

#include "core/ground_truth.hpp"
#include "layout/layout_template.hpp"
#include "synth/page_renderer.hpp"
#include "synth/record_generator.hpp"

namespace ledger::synth {

/// Builds the sidecar of one page.
///   entries: what was written (form: first entry; table: one per rendered row)
///   page:    the clean rendering with its ink boxes
///   H:       clean-page pixel -> final-image pixel (identity for clean pages)
///   width, height: size of the final image
/// Notes:
///   1. A field whose value is blank, or that left no ink (a code without a tick box), gets
///      value "" and no box: the page is blank there.
///   2. Boxes are the mapped ink boxes, clipped to the image.
GroundTruth make_ground_truth(const LayoutTemplate& layout, const std::vector<SynthRecord>& entries,
                              const RenderedPage& page, const cv::Matx33d& H, int width, int height,
                              const SynthBook& book, int page_no, const std::string& image_name);

}  // namespace ledger::synth
