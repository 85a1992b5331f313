// A generated register-like page for preprocess tests: printed labels with dotted leaders,
// blue handwriting-like values, a red seal, ruling; plus helpers to turn and skew it.
#pragma once
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

namespace ledger::testpage {

inline const cv::Scalar kPaper{228, 240, 246};  // yellowed paper, BGR
inline const cv::Scalar kPrint{35, 35, 35};
inline const cv::Scalar kPen{170, 60, 30};      // blue ballpoint
inline const cv::Scalar kSeal{50, 40, 215};     // red stamp

/// An A4 page at 300 dpi (or `w` x `h`) in the style of a form register page.
/// `seal_center` receives the centre of the red seal disc.
inline cv::Mat form_page(int w = 2480, int h = 3508, cv::Point* seal_center = nullptr) {
  cv::Mat page(h, w, CV_8UC3, kPaper);
  const std::vector<std::string> labels{
      "Ho, chu dem, ten:", "Ngay, thang, nam sinh:", "Ghi bang chu:", "Gioi tinh:", "Dan toc:",
      "Quoc tich:", "Noi sinh:", "Que quan:", "So dinh danh ca nhan:", "Ho, chu dem, ten me:",
      "Nam sinh:", "Noi cu tru:", "Ho, chu dem, ten cha:", "Nam sinh:", "Noi cu tru:",
      "Ho, chu dem, ten nguoi di khai sinh:", "Giay to tuy than:", "Quan he:", "Ghi chu:"};
  const std::vector<std::string> values{
      "Nguyen Van Anh", "05/3/2010", "ngay nam thang ba", "Nam", "Kinh", "Viet Nam",
      "Tram y te xa Huong Phung", "Huong Hoa, Quang Tri", "045210000123", "Le Thi Hoa", "1985",
      "Thon Ta Lang, xa Huong Phung", "Tran Van Binh", "1982", "Thon Ta Lang", "Tran Van Binh",
      "CMND 197123456", "Cha de", "Dang ky dung han"};
  int x0 = w / 10, x1 = w - w / 12;
  cv::putText(page, "SO DANG KY KHAI SINH", {w / 3, h / 20}, cv::FONT_HERSHEY_DUPLEX, w / 900.0, kPrint,
              4, cv::LINE_AA);
  int y = h / 10;
  const int step = (h * 8 / 10) / int(labels.size());
  for (size_t i = 0; i < labels.size(); ++i, y += step) {
    const double scale = w / 1700.0;
    int base = 0;
    cv::Size sz = cv::getTextSize(labels[i], cv::FONT_HERSHEY_SIMPLEX, scale, 3, &base);
    cv::putText(page, labels[i], {x0, y}, cv::FONT_HERSHEY_SIMPLEX, scale, kPrint, 3, cv::LINE_AA);
    for (int x = x0 + sz.width + 15; x < x1; x += 14)  // dotted leader on the baseline
      cv::circle(page, {x, y}, 2, kPrint, cv::FILLED, cv::LINE_AA);
    cv::putText(page, values[i], {x0 + sz.width + 60, y - 12}, cv::FONT_HERSHEY_SCRIPT_SIMPLEX,
                scale * 1.2, kPen, 3, cv::LINE_AA);
  }
  cv::rectangle(page, {x0 - 40, h / 14}, {x1 + 30, y}, kPrint, 3);  // frame
  cv::Point c{x0 + w / 10, y + h / 20};
  cv::circle(page, c, w / 18, kSeal, 12, cv::LINE_AA);
  cv::circle(page, c, w / 40, kSeal, cv::FILLED, cv::LINE_AA);
  if (seal_center) *seal_center = c;
  return page;
}

/// The page's content turned counter-clockwise by `degrees` about its centre (same size, paper
/// colour in the new corners): the matrix maps page pixels to turned pixels.
inline cv::Mat skewed(const cv::Mat& page, double degrees, cv::Mat* matrix = nullptr) {
  cv::Mat m = cv::getRotationMatrix2D({(page.cols - 1) / 2.0f, (page.rows - 1) / 2.0f}, degrees, 1.0);
  cv::Mat out;
  cv::warpAffine(page, out, m, page.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, kPaper);
  if (matrix) *matrix = m;
  return out;
}

}  // namespace ledger::testpage
