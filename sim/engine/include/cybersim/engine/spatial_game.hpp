// SPDX-License-Identifier: MIT
// A dedicated kernel for spatial games of pure cooperators and defectors on a lattice (Nowak and May 1992).
#pragma once

#include "cybersim/core/action.hpp"
#include "cybersim/core/payoff_matrix.hpp"
#include "cybersim/scenario/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::engine
{

/// When the cells of a spatial game change strategy.
enum class SpatialUpdate : std::uint8_t
{
    Synchronous,  // every cell compares last generation's scores, then all switch at once (Nowak and May 1992)
    Asynchronous, // cells update one at a time in random order, each seeing the current grid (Huberman, Glance 1993)
};

/// The parameters of a spatial game; plain data with defaults, the classic Nowak-May setting at b = 1.9.
struct SpatialGameDef
{
    int width = 100;      // columns, [3, 2^20] when periodic, [2, 2^20] when fixed; default 100
    int height = 100;     // rows, same range as width; default 100
    bool periodic = true; // torus (true) or fixed edges where border cells have fewer neighbours
    scenario::Neighbourhood neighbourhood =
        scenario::Neighbourhood::Moore;          // Moore (8) or von Neumann (4); default Moore
    bool selfInteraction = true;                 // each cell also plays itself (Nowak and May 1992); default true
    core::PayoffMatrix game{1.0, 0.0, 1.9, 0.0}; // R, S, T, P; default R = 1, S = P = 0, T = b = 1.9
    double weight = 1.0; // multiplies every neighbour payoff (not the self term), > 0; default 1
    SpatialUpdate update = SpatialUpdate::Synchronous; // default synchronous
    std::uint64_t seed = 1;                            // seed of the asynchronous update order (CounterRng); default 1
};

/// A width x height lattice of pure strategies playing a 2x2 game with their neighbours and imitating the best.
///
/// Each generation every cell scores R nC + S nD (cooperator) or T nC + P nD (defector) over its neighbours (and
/// itself with self-interaction), then takes the strategy of the best scorer among itself and its neighbours; it
/// keeps its own on a tie, and among neighbours with equal best scores the first in state-index order wins, as the
/// engine's imitate-the-best rule does (sim/engine/src/phases/phase_learning.cpp). Synchronous generations run rows in
/// parallel with oneTBB and are bit-identical at any thread count; each row is written by one task.
///
/// Scores are summed in the engine's order for every game with S = P = 0 (the Nowak-May family) and for games whose
/// payoffs are small integers or other dyadic rationals, so the grids equal sim::Simulation's generation by generation.
/// For other payoffs a tie between a cooperator's and a defector's score could round differently in the last bit.
class SpatialGame
{
public:
    /// A lattice of cooperators with the given rules.
    /// @throws ConfigError if the sizes, the weight or the payoffs are out of range, or an asynchronous lattice has
    /// more than 2^32 - 1 cells.
    explicit SpatialGame(const SpatialGameDef& def);

    /// The kernel for a scenario that is a pure lattice spatial game, with the engine's initial grid; nullopt when
    /// the scenario is anything else. Recognised: network lattice (no explicit edges or CSV matrices) filled exactly
    /// by width x height states; every doctrine in use plays strategy Cooperator or Defector (at most one doctrine
    /// each, no per-state strategy overrides); a 2x2 game (prisoners-dilemma, stag-hunt, hawk-dove, chicken or
    /// custom); learning imitate-best with interval 1 and no mutation; no noise; arms, common security, surveillance
    /// and sovereignty disabled; governance none; no group game; no events. The update (synchronous or asynchronous)
    /// is the scenario's learning.update.
    /// @throws ConfigError if the scenario names a doctrine the catalogue lacks.
    [[nodiscard]] static std::optional<SpatialGame> fromScenario(const scenario::Scenario& scenario,
                                                                 const core::Catalogue& catalogue);
    /// As fromScenario; when the scenario is not eligible, `whyNot` receives the first reason in house style, naming
    /// the key and its value, e.g. "learning.mutation is 0.01, expected 0 (the kernel does not mutate)".
    /// @throws ConfigError if the scenario names a doctrine the catalogue lacks.
    [[nodiscard]] static std::optional<SpatialGame> fromScenario(const scenario::Scenario& scenario,
                                                                 const core::Catalogue& catalogue, std::string& whyNot);

    /// Plays one generation: scores, then imitation (synchronous or asynchronous as defined).
    void step();
    /// Plays `generations` generations.
    void advance(int generations);

    /// Sets one cell; x is the column in [0, width), y the row in [0, height).
    void setStrategy(int x, int y, core::Action action);
    /// Sets every cell from a row-major grid of width * height actions.
    /// @throws ConfigError if the size differs.
    void setStrategies(std::span<const core::Action> grid);
    /// Makes each cell a defector with probability `defectorShare` in [0, 1], drawn from (seed, cell) by CounterRng.
    void randomise(double defectorShare, std::uint64_t seed);

    /// The strategy of one cell.
    [[nodiscard]] core::Action strategy(int x, int y) const noexcept;
    /// Every cell, row-major.
    [[nodiscard]] std::vector<core::Action> strategies() const;
    /// Number of cooperating cells.
    [[nodiscard]] std::size_t cooperators() const noexcept;
    /// Share of cooperating cells in [0, 1].
    [[nodiscard]] double cooperatorShare() const noexcept;
    /// Acts of one round played on the current grid, counted as sim::Simulation counts them for
    /// WorldMetrics::cooperationRate: each cell acts once toward each neighbour (never toward itself).
    struct Acts
    {
        std::uint64_t cooperative = 0; // acts by cooperating cells
        std::uint64_t total = 0;       // all acts: the sum of the cells' neighbour counts
    };
    /// The acts of a round played on the current grid (see Acts).
    [[nodiscard]] Acts acts() const noexcept;
    /// Generations played so far.
    [[nodiscard]] std::int64_t generation() const noexcept { return m_generation; }
    /// The rules this lattice runs.
    [[nodiscard]] const SpatialGameDef& def() const noexcept { return m_def; }
    /// For a lattice built by fromScenario: the doctrine names of cooperators and defectors (empty when unused).
    [[nodiscard]] const std::string& cooperatorDoctrine() const noexcept { return m_cooperatorDoctrine; }
    [[nodiscard]] const std::string& defectorDoctrine() const noexcept { return m_defectorDoctrine; }
    /// Bytes of lattice storage held (grids, score keys and the asynchronous order).
    [[nodiscard]] std::size_t memoryBytes() const noexcept;

private:
    // Offsets (dx, dy) of a cell's neighbours in the engine's order (ascending state index), for one boundary class.
    struct Order
    {
        std::int8_t dx[8] = {};
        std::int8_t dy[8] = {};
        std::ptrdiff_t offset[8] = {}; // dy * stride + dx, in stored bytes
        int count = 0;
    };

    [[nodiscard]] std::size_t at(int x, int y) const noexcept
    {
        return std::size_t(y + 1) * m_stride + std::size_t(x + 1);
    }
    [[nodiscard]] int neighbourCount(int x, int y) const noexcept;
    [[nodiscard]] std::uint8_t rankAt(int x, int y) const noexcept;
    void buildRanks();
    void buildOrders();
    void refreshHalo(std::vector<std::uint8_t>& cells) const;
    void stepSynchronous();
    void stepAsynchronous();

    SpatialGameDef m_def;
    std::size_t m_stride = 0;           // bytes per stored row: halo, width cells, halo, padding for 32-byte loads
    std::vector<std::uint8_t> m_cells;  // 1 = cooperator, 0 = defector; (height + 2) rows with a halo ring
    std::vector<std::uint8_t> m_next;   // the next generation, same layout
    std::vector<std::uint8_t> m_key;    // per block of rows, its keys and the rows either side: (rank of the
                                        // cell's score * 2 + cooperates) ^ 0x80, rows laid out as in m_cells
    std::vector<std::uint32_t> m_order; // asynchronous visiting order, empty when synchronous
    std::uint8_t m_rankTable[2][10][10] = {}; // [cooperates][neighbourhood size incl. self][C count incl. self]
    Order m_orders[3][3];                     // [row class][column class]: first, inner, last
    int m_rowDy[3][3] = {{-1, 0, 1}, {-1, 0, 1}, {-1, 0, 1}}; // [row class]: rows in visiting order, as dy
    int m_rowMid[3] = {1, 1, 1};                              // [row class]: position of the cell's own row in m_rowDy
    std::uint8_t m_rowTable[3][32] = {}; // [row class]: keys of cooperators by count at [0,10), defectors at [16,26)
    std::int64_t m_generation = 0;
    std::string m_cooperatorDoctrine;
    std::string m_defectorDoctrine;
};

} // namespace cybersim::engine
