// SPDX-License-Identifier: MIT
// Deterministic force-directed layout of the relations network (Fruchterman and Reingold 1991, via Boost.Graph).
#include "layout/network_layout.hpp"

#include "cybersim/core/rng.hpp"
#include "cybersim/engine/world.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>

#include <algorithm>
#include <cmath>

namespace cybersim::gui
{

namespace
{

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Topology = boost::square_topology<>;
using Point = Topology::point_type;

// Above this size the all-pairs repulsion (quadratic) gives way to BGL's grid approximation.
constexpr std::size_t kAllPairsLimit = 600;

// Row-major square grid: state i at column i mod w, row i / w, with w = ceil(sqrt(n)).
std::vector<Point> gridPositions(std::size_t n)
{
    const auto width = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(n))));
    std::vector<Point> points(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        points[i][0] = static_cast<double>(i % width);
        points[i][1] = static_cast<double>(i / width);
    }
    return points;
}
// Distinguishes the layout's draws from the world builder's Purpose::Network draws.
constexpr std::uint64_t kLayoutTag = 0x1a7007;

std::vector<LayoutPoint> normalise(const std::vector<Point>& points, double margin)
{
    std::vector<LayoutPoint> out(points.size());
    if (points.empty())
        return out;
    double minX = points[0][0], maxX = points[0][0], minY = points[0][1], maxY = points[0][1];
    for (const auto& p : points)
    {
        minX = std::min(minX, p[0]);
        maxX = std::max(maxX, p[0]);
        minY = std::min(minY, p[1]);
        maxY = std::max(maxY, p[1]);
    }
    // One scale for both axes keeps the picture's proportions; a degenerate extent puts everything in the middle.
    const double extent = std::max(maxX - minX, maxY - minY);
    const double span = 1.0 - 2.0 * margin;
    for (std::size_t i = 0; i < points.size(); ++i)
    {
        if (!(extent > 0.0))
            continue;
        const double cx = (points[i][0] - (minX + maxX) / 2.0) / extent;
        const double cy = (points[i][1] - (minY + maxY) / 2.0) / extent;
        out[i] = {0.5 + cx * span, 0.5 + cy * span};
    }
    return out;
}

} // namespace

std::vector<LayoutPoint> layoutNetwork(const engine::World& world, std::uint64_t seed, int iterations, double margin)
{
    const std::size_t n = world.stateCount();
    margin = std::clamp(margin, 0.0, 0.45);
    iterations = std::max(1, iterations);
    if (n <= 1)
        return std::vector<LayoutPoint>(n);
    if (n > kMaxForceDirectedStates)
        return normalise(gridPositions(n), margin);

    Graph graph(n);
    for (std::uint32_t i = 0; i < n; ++i)
        for (auto e = world.offsets[i]; e < world.offsets[i + 1]; ++e)
            if (world.partner[e] > i)
                boost::add_edge(i, world.partner[e], graph);

    const double scale = std::sqrt(static_cast<double>(n)) * 10.0;
    const Topology topology(scale);
    const core::CounterRng rng(seed);
    std::vector<Point> positions(n);
    for (std::uint32_t i = 0; i < n; ++i)
    {
        // Start inside the middle half of the square so the first moves are not clamped at the border.
        positions[i][0] = (rng.uniform(0, i, 0, core::Purpose::Network, kLayoutTag) - 0.5) * scale;
        positions[i][1] = (rng.uniform(0, i, 1, core::Purpose::Network, kLayoutTag) - 0.5) * scale;
    }
    auto positionMap = boost::make_iterator_property_map(positions.begin(), boost::get(boost::vertex_index, graph));
    const auto cooling = boost::linear_cooling<double>(static_cast<std::size_t>(iterations), scale / 10.0);
    if (n <= kAllPairsLimit)
        boost::fruchterman_reingold_force_directed_layout(
            graph, positionMap, topology, boost::force_pairs(boost::all_force_pairs()).cooling(cooling));
    else
        boost::fruchterman_reingold_force_directed_layout(graph, positionMap, topology, boost::cooling(cooling));
    return normalise(positions, margin);
}

} // namespace cybersim::gui
