// Tests for boxes and the page transform.
#include "core/geometry.hpp"

#include <gtest/gtest.h>

namespace ledger {

TEST(Geometry, IouOfIdenticalAndDisjointBoxes) {
  Box a{0, 0, 10, 10}, b{20, 20, 5, 5};
  EXPECT_DOUBLE_EQ(iou(a, a), 1.0);
  EXPECT_DOUBLE_EQ(iou(a, b), 0.0);
  EXPECT_NEAR(iou(a, Box{5, 0, 10, 10}), 50.0 / 150.0, 1e-12);
}

TEST(Geometry, GrowClippedStaysInsideImage) {
  Box g = grow_clipped({2, 3, 10, 10}, 5, 14, 100);
  EXPECT_EQ(g, (Box{0, 0, 14, 18}));
}

TEST(Geometry, TransformScalesPageUnitsToPixels) {
  Transform t = Transform::scale(2000, 3000);
  EXPECT_EQ(t.apply(PageRect{0.1, 0.2, 0.5, 0.1}), (Box{200, 600, 1000, 300}));
  EXPECT_NEAR(t.angle_degrees(), 0.0, 1e-12);
}

}  // namespace ledger
