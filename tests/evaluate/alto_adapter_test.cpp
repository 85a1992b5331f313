// ALTO line ground truth: parsing a small hand-written file, one real file, and line scoring.
#include "evaluate/alto_adapter.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/error.hpp"
#include "testkit.hpp"

namespace ledger {

namespace {
const char* kAlto = R"(<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
  <Description><sourceImageInformation><fileName>page.jpg</fileName></sourceImageInformation></Description>
  <Layout><Page WIDTH="2000" HEIGHT="3000" ID="p1"><PrintSpace>
    <TextBlock ID="b1">
      <TextLine ID="l1" BASELINE="10 60 400 60" HPOS="10" VPOS="20" WIDTH="400" HEIGHT="50">
        <Shape><Polygon POINTS="10 20 410 20 410 70 10 70"/></Shape>
        <String CONTENT="Dupont &amp; fils" HPOS="10" VPOS="20" WIDTH="400" HEIGHT="50"/>
      </TextLine>
      <TextLine ID="l2">
        <Shape><Polygon POINTS="10 100 300 100 300 150 10 150"/></Shape>
        <String CONTENT="rue"/><SP/><String CONTENT="Saint-Honor&#233;"/>
      </TextLine>
      <TextLine ID="l3" HPOS="10" VPOS="200" WIDTH="100" HEIGHT="40"><String CONTENT=""/></TextLine>
    </TextBlock>
  </PrintSpace></Page></Layout>
</alto>)";
}  // namespace

TEST(AltoAdapter, ParsesLinesBoxesAndEntities) {
  testkit::TempDir dir;
  {
    std::ofstream out(dir / "page.xml");
    out << kAlto;
  }
  AltoPage page = read_alto(dir / "page.xml");
  EXPECT_EQ(page.width, 2000);
  EXPECT_EQ(page.height, 3000);
  EXPECT_EQ(page.image, dir / "page.jpg");
  ASSERT_EQ(page.lines.size(), 2u);  // the empty line is dropped
  EXPECT_EQ(page.lines[0].text, "Dupont & fils");
  EXPECT_EQ(page.lines[0].box, (Box{10, 20, 400, 50}));
  EXPECT_EQ(page.lines[1].text, "rue Saint-Honoré");
  EXPECT_EQ(page.lines[1].box, (Box{10, 100, 290, 50}));  // from the polygon

  std::vector<TsvWord> words{{"Dupont", Box{20, 30, 100, 30}, 90, 1},
                             {"&", Box{130, 30, 20, 30}, 90, 1},
                             {"fils", Box{160, 30, 60, 30}, 90, 1},
                             {"rue", Box{20, 110, 50, 30}, 90, 2},
                             {"St-Honoré", Box{80, 110, 150, 30}, 90, 2}};
  AltoScore s = score_alto_page(page, words);
  EXPECT_EQ(s.lines, 2);
  EXPECT_EQ(s.lines_exact, 1);
  EXPECT_EQ(s.chars, 13 + 16);
  EXPECT_EQ(s.edits, 3);  // "St" -> "Saint": insert a, i, n
}

TEST(AltoAdapter, NotAltoIsAnInputError) {
  testkit::TempDir dir;
  {
    std::ofstream out(dir / "x.xml");
    out << "<html></html>";
  }
  EXPECT_THROW(read_alto(dir / "x.xml"), InputError);
  EXPECT_THROW(read_alto(dir / "missing.xml"), InputError);
}

TEST(AltoAdapter, ReadsARealRegisterPage) {
  const auto xml = testkit::shared_dir() / "data/real-scans/lectaurep-registers/lectaurep-riant-4/DAFANCH96_048MIC06479_L-1.xml";
  if (!std::filesystem::exists(xml)) GTEST_SKIP() << "shared real scans absent";
  AltoPage page = read_alto(xml);
  EXPECT_EQ(page.width, 2064);
  EXPECT_EQ(page.height, 2944);
  EXPECT_TRUE(std::filesystem::exists(page.image));
  EXPECT_GT(page.lines.size(), 40u);
  EXPECT_EQ(page.lines[0].text, "RELATION");
  EXPECT_EQ(page.lines[0].box, (Box{1278, 284, 160, 74}));
  for (const auto& l : page.lines) {
    EXPECT_FALSE(l.box.empty()) << l.id;
    EXPECT_LE(l.box.x + l.box.w, page.width + 5) << l.id;
  }
}

}  // namespace ledger
