// The preprocess stage wired from its steps (see preprocess.hpp).
#include "preprocess/preprocess.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "core/error.hpp"
#include "preprocess/binarize.hpp"
#include "preprocess/deskew.hpp"
#include "preprocess/illumination.hpp"
#include "preprocess/ink_layers.hpp"
#include "preprocess/orientation.hpp"

namespace ledger {
namespace {

cv::Mat to3x3(const cv::Mat& m) {
  cv::Mat out = cv::Mat::eye(3, 3, CV_64F);
  m.copyTo(out.rowRange(0, 2));
  return out;
}

}  // namespace

CleanPage preprocess(PageImage page, const PreprocessOptions& opts) {
  if (page.bgr.empty())
    throw InputError(page.ref.path.empty() ? "page" : page.ref.path, "page has no pixels");
  CV_Assert(page.bgr.type() == CV_8UC3);
  CleanPage out;
  const cv::Mat& src = page.bgr;
  const int dpi = page.dpi > 0 ? page.dpi : 300;

  // Estimation copy: gray, shrunk, flattened, binarised.
  int rotation = 0;
  double skew = 0;
  if (opts.fix_orientation || opts.deskew) {
    // An integer shrink factor keeps INTER_AREA on its fast path.
    int k = std::max(1, int(std::lround(double(std::max(src.cols, src.rows)) / opts.estimate_long_side)));
    cv::Mat small, sgray;
    if (k > 1) cv::resize(src, small, cv::Size(src.cols / k, src.rows / k), 0, 0, cv::INTER_AREA);
    else small = src;
    cv::cvtColor(small, sgray, cv::COLOR_BGR2GRAY);
    int sdpi = std::max(30, dpi / k);
    cv::Mat sbin = binarize_sauvola(flatten_illumination(sgray, sdpi),
                                    int(std::lround(opts.sauvola_window_300dpi * sdpi / 300.0)) | 1,
                                    opts.sauvola_k);
    cv::Mat text = opts.fix_orientation ? text_components(sbin) : cv::Mat();
    if (opts.fix_orientation && lines_run_vertically(text, opts.max_skew_degrees)) {
      rotation = 90;
      sbin = rotate_quarter(sbin, 90);
      text = rotate_quarter(text, 90);
    }
    if (opts.deskew) skew = estimate_skew(sbin, opts.max_skew_degrees).degrees;
    if (opts.fix_orientation) {
      cv::Mat level = text;
      if (std::abs(skew) > 0.01) {
        cv::Mat r = cv::getRotationMatrix2D({(text.cols - 1) / 2.0f, (text.rows - 1) / 2.0f}, -skew, 1.0);
        cv::warpAffine(text, level, r, text.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, 0);
      }
      if (looks_upside_down(level)) rotation += 180;
    }
  }

  // One warp at full resolution: quarter turn, then rotation by -skew about the turned centre.
  cv::Mat q = quarter_turn_matrix(src.size(), rotation);
  cv::Size size = (rotation % 180 == 0) ? src.size() : cv::Size(src.rows, src.cols);
  cv::Mat s = cv::getRotationMatrix2D({(size.width - 1) / 2.0f, (size.height - 1) / 2.0f}, -skew, 1.0);
  cv::Mat m = cv::Mat(to3x3(s) * to3x3(q)).rowRange(0, 2).clone();
  if (std::abs(skew) > 0.01) {
    cv::warpAffine(src, out.color, m, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar(255, 255, 255));
  } else {
    skew = 0;
    m = q;
    out.color = rotate_quarter(src, rotation);
  }
  cv::invertAffineTransform(m, out.to_source);
  out.rotation = rotation;
  out.skew_degrees = skew;

  cv::Mat gray;
  cv::cvtColor(out.color, gray, cv::COLOR_BGR2GRAY);
  InkLayers inks = separate_inks(out.color, opts);
  out.pen_ink = std::move(inks.pen);
  out.seal = std::move(inks.seal);
  out.gray = flatten_illumination(gray, dpi);
  if (opts.remove_seal && cv::countNonZero(out.seal) > 0) {
    // Grow by a pixel: anti-aliased seal edges are less saturated than its strokes. The grown
    // rim only takes light pixels, so print touching the stamp keeps its edges.
    cv::Mat grown;
    cv::dilate(out.seal, grown, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
    cv::bitwise_and(grown, out.gray >= 128, grown);
    cv::bitwise_or(grown, out.seal, grown);
    out.gray.setTo(255, grown);
  }
  out.binary = binarize_sauvola(out.gray, int(std::lround(opts.sauvola_window_300dpi * dpi / 300.0)) | 1,
                                opts.sauvola_k);
  out.source = std::move(page);
  return out;
}

Point clean_to_source(const CleanPage& page, Point clean) {
  const cv::Mat& t = page.to_source;
  CV_Assert(t.rows == 2 && t.cols == 3 && t.type() == CV_64F);
  return {t.at<double>(0, 0) * clean.x + t.at<double>(0, 1) * clean.y + t.at<double>(0, 2),
          t.at<double>(1, 0) * clean.x + t.at<double>(1, 1) * clean.y + t.at<double>(1, 2)};
}

}  // namespace ledger
