// SPDX-License-Identifier: MIT
// The spatial-game kernel: byte lattices with a halo ring, branch-free row sweeps in 32-byte vectors, oneTBB blocks.
#include "cybersim/engine/spatial_game.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/rng.hpp"
#include "cybersim/engine/world.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace cybersim::engine
{

namespace
{

// A generation has two phases per block of rows. Phase 1 counts cooperators in each cell's neighbourhood (sums of
// byte loads) and turns (strategy, count) by one 32-entry table shuffle into a key: the rank of the cell's score
// among all possible scores (equal scores, equal ranks, so comparisons are exact; at most 110 distinct scores), times
// two, plus its strategy (1 = C), stored with the top bit flipped so that signed byte compares order keys. Phase 2
// takes, for each cell, the strategy of the first neighbour in the engine's order whose rank is strictly higher than
// the best so far, starting from the cell's own: with keys, rank(k) > rank(best) exactly when k > (best | 1).
// The vectors never cross a function boundary that is not inlined or cloned with them, so the -Wpsabi note about
// passing 32-byte vectors without AVX does not apply.
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif
constexpr std::size_t kLanes = 32;
using Bytes = std::uint8_t __attribute__((vector_size(kLanes)));
using Keys = std::int8_t __attribute__((vector_size(kLanes))); // keys with the top bit flipped: signed order

inline Bytes loadBytes(const std::uint8_t* p) noexcept
{
    Bytes v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline Keys loadKeys(const std::uint8_t* p) noexcept
{
    Keys v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void storeBytes(std::uint8_t* p, const Bytes& v) noexcept
{
    std::memcpy(p, &v, sizeof v);
}

// table[index mod 32] in every lane (GCC emits byte shuffles; Clang lacks a variable __builtin_shuffle).
inline Bytes lookup(const Bytes& table, const Bytes& index) noexcept
{
#if defined(__clang__)
    Bytes out;
    for (std::size_t i = 0; i < kLanes; ++i)
        out[i] = table[index[i] & (kLanes - 1)];
    return out;
#else
    return __builtin_shuffle(table, index);
#endif
}

// Compiled for AVX2 and for the baseline; the loader picks one at start-up (GCC function multiversioning). Kept to
// one version under AddressSanitizer, since ifunc resolvers run before its runtime is initialised.
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__SANITIZE_ADDRESS__) && !defined(__clang__)
#define CYBERSIM_KERNEL_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define CYBERSIM_KERNEL_CLONES
#endif

// Keys of one row: c points at cell 0 of the row, up and down at cell 0 of the rows above and below (halo rows
// included). Writes `chunks` * 32 keys from out[0]; lanes past the row's end compute garbage that is never read.
template <bool Moore, bool Self>
CYBERSIM_KERNEL_CLONES void keysOfRow(const std::uint8_t* up, const std::uint8_t* c, const std::uint8_t* down,
                                      std::uint8_t* out, std::size_t chunks, const Bytes& table) noexcept
{
    for (std::size_t i = 0; i < chunks * kLanes; i += kLanes)
    {
        const Bytes own = loadBytes(c + i);
        Bytes n;
        if constexpr (Moore)
            n = loadBytes(up + i - 1) + loadBytes(up + i) + loadBytes(up + i + 1) + loadBytes(c + i - 1) +
                loadBytes(c + i + 1) + loadBytes(down + i - 1) + loadBytes(down + i) + loadBytes(down + i + 1);
        else
            n = loadBytes(up + i) + loadBytes(c + i - 1) + loadBytes(c + i + 1) + loadBytes(down + i);
        if constexpr (Self)
            n += own;
        // One 32-entry lookup: cooperators' ranks at [0, 10), defectors' at [16, 26).
        storeBytes(out + i, lookup(table, n + ((1 - own) << 4)));
    }
}

// Imitation of one row. key[k] points at column 0 of the three rows in the engine's order (ascending state index);
// Mid is the position of the cell's own row. Within a row, columns run x-1, x, x+1, which is the
// engine's order away from the left and right edges (the caller redoes those two cells on a torus).
template <bool Moore, int Mid>
CYBERSIM_KERNEL_CLONES void imitateRow(const std::uint8_t* const* key, std::uint8_t* out, std::size_t chunks) noexcept
{
    for (std::size_t i = 0; i < chunks * kLanes; i += kLanes)
    {
        Keys best = loadKeys(key[Mid] + i);
        const auto visit = [&](const std::uint8_t* p)
        {
            const Keys k = loadKeys(p);
            const Keys higher = k > (best | 1); // first strictly higher rank wins; the owner keeps on a tie
            best = (k & higher) | (best & ~higher);
        };
        for (int r = 0; r < 3; ++r)
        {
            const std::uint8_t* p = key[r] + i;
            if (r == Mid)
            {
                visit(p - 1);
                visit(p + 1);
            }
            else if constexpr (Moore)
            {
                visit(p - 1);
                visit(p);
                visit(p + 1);
            }
            else
                visit(p);
        }
        storeBytes(out + i, (Bytes)best & 1);
    }
}

using KeysOfRowFn = void (*)(const std::uint8_t*, const std::uint8_t*, const std::uint8_t*, std::uint8_t*, std::size_t,
                             const Bytes&) noexcept;
using ImitateRowFn = void (*)(const std::uint8_t* const*, std::uint8_t*, std::size_t) noexcept;

KeysOfRowFn keysOfRowFor(bool moore, bool self)
{
    if (moore)
        return self ? &keysOfRow<true, true> : &keysOfRow<true, false>;
    return self ? &keysOfRow<false, true> : &keysOfRow<false, false>;
}

ImitateRowFn imitateRowFor(bool moore, int mid)
{
    switch (mid)
    {
    case 0:
        return moore ? &imitateRow<true, 0> : &imitateRow<false, 0>;
    case 2:
        return moore ? &imitateRow<true, 2> : &imitateRow<false, 2>;
    default:
        return moore ? &imitateRow<true, 1> : &imitateRow<false, 1>;
    }
}

// Neighbour offsets in the engine's lattice loop order (world_builder.cpp: dy, then dx, from -1 to 1).
int standardOffsets(bool moore, std::int8_t* dx, std::int8_t* dy)
{
    int count = 0;
    for (int y = -1; y <= 1; ++y)
        for (int x = -1; x <= 1; ++x)
        {
            if ((x == 0 && y == 0) || (!moore && x != 0 && y != 0))
                continue;
            dx[count] = static_cast<std::int8_t>(x);
            dy[count] = static_cast<std::int8_t>(y);
            ++count;
        }
    return count;
}

int rowClass(int y, int height) noexcept
{
    return y == 0 ? 0 : (y == height - 1 ? 2 : 1);
}

// The stored key of a rank and a strategy (1 = cooperator); kNoCell marks the halo of fixed edges, below every cell.
constexpr std::uint8_t key(std::uint8_t rank, std::uint8_t cooperates) noexcept
{
    return static_cast<std::uint8_t>(((rank << 1) | cooperates) ^ 0x80);
}
constexpr std::uint8_t kNoCell = key(0, 0);

// Rows per task of a synchronous generation: enough to amortise the two edge rows whose keys each block recomputes,
// few enough that a block's keys stay in the first-level cache and that two threads get many blocks to share.
constexpr int kBlockRows = 16;

} // namespace

SpatialGame::SpatialGame(const SpatialGameDef& def) : m_def(def)
{
    const int minSide = def.periodic ? 3 : 2;
    if (def.width < minSide || def.height < minSide || def.width > (1 << 20) || def.height > (1 << 20))
        throw ConfigError("spatial game lattice is " + std::to_string(def.width) + " x " + std::to_string(def.height) +
                          ", expected sides in [" + std::to_string(minSide) + ", 1048576]");
    if (!(def.weight > 0.0) || !std::isfinite(def.weight))
        throw ConfigError("spatial game weight is " + std::to_string(def.weight) + ", expected > 0 and finite");
    for (double v : {def.game.reward, def.game.sucker, def.game.temptation, def.game.punishment})
        if (!std::isfinite(v))
            throw ConfigError("spatial game payoff is " + std::to_string(v) + ", expected a finite number");
    const auto width = static_cast<std::size_t>(def.width);
    if (def.update == SpatialUpdate::Asynchronous && width * static_cast<std::size_t>(def.height) > 0xffffffffULL)
        throw ConfigError("spatial game lattice has " + std::to_string(width * static_cast<std::size_t>(def.height)) +
                          " cells, expected at most 4294967295 with asynchronous updating");
    m_stride = (width + kLanes - 1) / kLanes * kLanes + kLanes;
    const std::size_t bytes = m_stride * static_cast<std::size_t>(def.height + 2);
    m_cells.assign(bytes, 0);
    m_next.assign(bytes, 0);
    const auto blocks = static_cast<std::size_t>((def.height + kBlockRows - 1) / kBlockRows);
    m_key.assign(blocks * (kBlockRows + 2) * m_stride, kNoCell);
    for (int y = 0; y < def.height; ++y)
        std::memset(&m_cells[at(0, y)], 1, width);
    refreshHalo(m_cells);
    if (def.update == SpatialUpdate::Asynchronous)
        m_order.resize(width * static_cast<std::size_t>(def.height));
    buildRanks();
    buildOrders();
}

int SpatialGame::neighbourCount(int x, int y) const noexcept
{
    std::int8_t dx[8], dy[8];
    const int count = standardOffsets(m_def.neighbourhood == scenario::Neighbourhood::Moore, dx, dy);
    int k = m_def.selfInteraction ? 1 : 0;
    for (int j = 0; j < count; ++j)
    {
        const int nx = x + dx[j], ny = y + dy[j];
        k += m_def.periodic || (nx >= 0 && ny >= 0 && nx < m_def.width && ny < m_def.height) ? 1 : 0;
    }
    return k;
}

// Every score a cell can have, by (strategy, neighbourhood size, cooperators), replaced by its rank among the distinct
// values. The sum runs as the engine's does (phase_play.cpp): w times each partner payoff added one by one from zero,
// the self term last. The engine adds partners in index order; here cooperating partners come first, which gives the
// same double whenever the other payoff is zero or every partial sum is exact.
void SpatialGame::buildRanks()
{
    const bool self = m_def.selfInteraction;
    const auto& g = m_def.game;
    const auto score = [&](int c, int k, int n) -> std::optional<double>
    {
        const int partners = k - (self ? 1 : 0);
        const int coopPartners = n - (self && c == 1 ? 1 : 0);
        if (partners < 0 || coopPartners < 0 || coopPartners > partners)
            return std::nullopt;
        const double onC = m_def.weight * (c == 1 ? g.reward : g.temptation);
        const double onD = m_def.weight * (c == 1 ? g.sucker : g.punishment);
        double sum = 0.0;
        for (int j = 0; j < coopPartners; ++j)
            sum += onC;
        for (int j = coopPartners; j < partners; ++j)
            sum += onD;
        if (self && partners > 0)
            sum += c == 1 ? g.reward : g.punishment;
        return sum;
    };
    std::vector<double> values;
    for (int c = 0; c < 2; ++c)
        for (int k = 0; k < 10; ++k)
            for (int n = 0; n < 10; ++n)
                if (const auto v = score(c, k, n))
                    values.push_back(*v);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (int c = 0; c < 2; ++c)
        for (int k = 0; k < 10; ++k)
            for (int n = 0; n < 10; ++n)
            {
                const auto v = score(c, k, n);
                const auto rank = v ? std::lower_bound(values.begin(), values.end(), *v) - values.begin() + 1 : 0;
                m_rankTable[c][k][n] = static_cast<std::uint8_t>(rank);
            }
    // The 32-byte lookup of each row class for its inner columns (on a torus all rows are alike).
    const int ys[3] = {0, std::min(1, m_def.height - 1), m_def.height - 1};
    for (int rc = 0; rc < 3; ++rc)
    {
        const int k = neighbourCount(std::min(1, m_def.width - 1), ys[rc]);
        std::fill(std::begin(m_rowTable[rc]), std::end(m_rowTable[rc]), std::uint8_t(0));
        for (int n = 0; n < 10; ++n)
        {
            m_rowTable[rc][n] = key(m_rankTable[1][k][n], 1);
            m_rowTable[rc][n + 16] = key(m_rankTable[0][k][n], 0);
        }
    }
}

// On a torus the engine's order (ascending index) wraps at the edges, so it differs between the nine classes of
// cell (first, inner or last row and column). With fixed edges it is the loop order less the missing cells.
void SpatialGame::buildOrders()
{
    const bool moore = m_def.neighbourhood == scenario::Neighbourhood::Moore;
    const int w = m_def.width, h = m_def.height;
    const int xs[3] = {0, std::min(1, w - 1), w - 1};
    const int ys[3] = {0, std::min(1, h - 1), h - 1};
    for (int rc = 0; rc < 3; ++rc)
        for (int cc = 0; cc < 3; ++cc)
        {
            Order& o = m_orders[rc][cc];
            std::int8_t dx[8], dy[8];
            const int count = standardOffsets(moore, dx, dy);
            // With fixed edges every class keeps the loop order; callers skip (or the halo's zero ranks ignore) the
            // missing neighbours.
            std::vector<std::pair<long, int>> keyed;
            for (int j = 0; j < count; ++j)
            {
                const long nx = m_def.periodic ? (xs[cc] + dx[j] + w) % w : dx[j];
                const long ny = m_def.periodic ? (ys[rc] + dy[j] + h) % h : dy[j];
                keyed.emplace_back(ny * (w + 2) + nx, j);
            }
            std::sort(keyed.begin(), keyed.end());
            const int kept = static_cast<int>(keyed.size());
            o.count = kept;
            for (int j = 0; j < kept; ++j)
            {
                o.dx[j] = dx[keyed[j].second];
                o.dy[j] = dy[keyed[j].second];
                o.offset[j] = std::ptrdiff_t(o.dy[j]) * std::ptrdiff_t(m_stride) + o.dx[j];
            }
        }
    // The rows (dy) in the order an inner column's neighbours visit them, and where the cell's own row falls.
    for (int rc = 0; rc < 3; ++rc)
    {
        const Order& inner = m_orders[rc][1];
        int seen = 0;
        for (int j = 0; j < inner.count; ++j)
            if (std::find(m_rowDy[rc], m_rowDy[rc] + seen, inner.dy[j]) == m_rowDy[rc] + seen)
                m_rowDy[rc][seen++] = inner.dy[j];
        for (int k = 0; k < 3; ++k)
            m_rowMid[rc] = m_rowDy[rc][k] == 0 ? k : m_rowMid[rc];
    }
}

void SpatialGame::refreshHalo(std::vector<std::uint8_t>& cells) const
{
    const int w = m_def.width, h = m_def.height;
    for (int y = 0; y < h; ++y)
    {
        cells[at(-1, y)] = m_def.periodic ? cells[at(w - 1, y)] : 0;
        cells[at(w, y)] = m_def.periodic ? cells[at(0, y)] : 0;
    }
    if (m_def.periodic)
    {
        std::memcpy(&cells[at(-1, -1)], &cells[at(-1, h - 1)], m_stride);
        std::memcpy(&cells[at(-1, h)], &cells[at(-1, 0)], m_stride);
    }
    else
    {
        std::memset(&cells[at(-1, -1)], 0, m_stride);
        std::memset(&cells[at(-1, h)], 0, m_stride);
    }
}

std::uint8_t SpatialGame::rankAt(int x, int y) const noexcept
{
    int n = 0;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
        {
            const bool centre = dx == 0 && dy == 0;
            if ((centre && !m_def.selfInteraction) ||
                (m_def.neighbourhood == scenario::Neighbourhood::VonNeumann && dx != 0 && dy != 0))
                continue;
            n += m_cells[at(x + dx, y + dy)]; // the halo holds wrapped copies, or zeros for fixed edges
        }
    return m_rankTable[m_cells[at(x, y)]][neighbourCount(x, y)][n];
}

void SpatialGame::step()
{
    if (m_def.update == SpatialUpdate::Synchronous)
        stepSynchronous();
    else
        stepAsynchronous();
    ++m_generation;
}

void SpatialGame::advance(int generations)
{
    for (int g = 0; g < generations; ++g)
        step();
}

void SpatialGame::stepSynchronous()
{
    const int w = m_def.width, h = m_def.height;
    const bool moore = m_def.neighbourhood == scenario::Neighbourhood::Moore;
    const bool periodic = m_def.periodic;
    const std::size_t chunks = (static_cast<std::size_t>(w) + kLanes - 1) / kLanes;
    const std::size_t stride = m_stride;
    const KeysOfRowFn keysOfRowFn = keysOfRowFor(moore, m_def.selfInteraction);
    const int blocks = (h + kBlockRows - 1) / kBlockRows;

    // One task per block of rows: the keys of the block's rows and the rows either side go to the block's own
    // scratch (kept in cache), then the block's rows imitate. Neighbouring blocks compute their shared edge rows
    // twice rather than wait for each other; every row of the next grid is written by exactly one block.
    tbb::parallel_for(tbb::blocked_range<int>(0, blocks, 1),
                      [&](const tbb::blocked_range<int>& range)
                      {
                          for (int b = range.begin(); b < range.end(); ++b)
                          {
                              const int y0 = b * kBlockRows, y1 = std::min(h, y0 + kBlockRows);
                              std::uint8_t* block = &m_key[std::size_t(b) * (kBlockRows + 2) * stride];
                              // Key row of lattice row y (y0 - 1 <= y <= y1), cell 0; the byte before it is the left
                              // halo.
                              const auto keyRow = [&](int y) { return block + std::size_t(y - y0 + 1) * stride + 1; };

                              // Keys: with fixed edges the border cells have smaller neighbourhoods and are redone.
                              for (int y = y0 - 1; y <= y1; ++y)
                              {
                                  std::uint8_t* out = keyRow(y);
                                  if (!periodic && (y < 0 || y >= h))
                                  {
                                      std::memset(out - 1, kNoCell, stride);
                                      continue;
                                  }
                                  const int yy = (y + h) % h;
                                  Bytes table;
                                  std::memcpy(&table, m_rowTable[rowClass(yy, h)], sizeof table);
                                  const std::uint8_t* c = &m_cells[at(0, yy)];
                                  keysOfRowFn(c - stride, c, c + stride, out, chunks, table);
                                  if (periodic)
                                  {
                                      out[-1] = out[w - 1];
                                      out[w] = out[0];
                                  }
                                  else
                                  {
                                      out[-1] = kNoCell;
                                      out[0] = key(rankAt(0, yy), c[0]);
                                      out[w - 1] = key(rankAt(w - 1, yy), c[w - 1]);
                                      out[w] = kNoCell;
                                  }
                              }

                              // Imitation: rows in the engine's neighbour order for their class; torus edge columns
                              // redone in theirs.
                              for (int y = y0; y < y1; ++y)
                              {
                                  const int rc = periodic ? rowClass(y, h) : 1;
                                  const std::uint8_t* own = keyRow(y);
                                  const std::uint8_t* keys[3];
                                  for (int k = 0; k < 3; ++k)
                                      keys[k] = own + std::ptrdiff_t(m_rowDy[rc][k]) * std::ptrdiff_t(stride);
                                  std::uint8_t* out = &m_next[at(0, y)];
                                  imitateRowFor(moore, m_rowMid[rc])(keys, out, chunks);
                                  if (periodic)
                                      for (const int x : {0, w - 1})
                                      {
                                          const Order& o = m_orders[rc][x == 0 ? 0 : 2];
                                          const std::uint8_t* k = own + x;
                                          unsigned best = k[0] ^ 0x80U;
                                          for (int j = 0; j < o.count; ++j)
                                          {
                                              const unsigned candidate = k[o.offset[j]] ^ 0x80U;
                                              best = candidate > (best | 1U) ? candidate : best;
                                          }
                                          out[x] = static_cast<std::uint8_t>(best & 1U);
                                      }
                                  out[-1] = periodic ? out[w - 1] : 0;
                                  out[w] = periodic ? out[0] : 0;
                              }
                          }
                      });
    if (periodic)
    {
        std::memcpy(&m_next[at(-1, -1)], &m_next[at(-1, h - 1)], stride);
        std::memcpy(&m_next[at(-1, h)], &m_next[at(-1, 0)], stride);
    }
    m_cells.swap(m_next);
}

// Random sequential updating (Huberman and Glance 1993): every generation visits each cell once, in an order drawn
// from (seed, generation); a visited cell compares the current scores of itself and its neighbours and switches at
// once, so later cells see the change. Serial by nature. The order is the engine's for learning.update =
// asynchronous (a Fisher-Yates shuffle keyed by Purpose::Order, sim/engine/src/phases/phase_learning.cpp), so the two
// agree.
void SpatialGame::stepAsynchronous()
{
    const int w = m_def.width, h = m_def.height;
    const std::size_t n = m_order.size();
    const core::CounterRng rng(m_def.seed);
    const auto generation = static_cast<std::uint64_t>(m_generation);
    std::iota(m_order.begin(), m_order.end(), 0U);
    for (std::size_t i = n - 1; i > 0; --i)
        std::swap(m_order[i], m_order[rng.below(i + 1, generation, i, 0, core::Purpose::Order)]);
    for (const std::uint32_t cellIndex : m_order)
    {
        const int x = static_cast<int>(cellIndex % static_cast<std::uint32_t>(w));
        const int y = static_cast<int>(cellIndex / static_cast<std::uint32_t>(w));
        const Order& o = m_orders[m_def.periodic ? rowClass(y, h) : 1][m_def.periodic ? rowClass(x, w) : 1];
        std::uint8_t best = rankAt(x, y);
        std::uint8_t choice = m_cells[at(x, y)];
        for (int j = 0; j < o.count; ++j)
        {
            const int nx = x + o.dx[j], ny = y + o.dy[j];
            if (!m_def.periodic && (nx < 0 || ny < 0 || nx >= w || ny >= h))
                continue;
            const int wx = (nx + w) % w, wy = (ny + h) % h;
            const std::uint8_t r = rankAt(wx, wy);
            if (r > best)
            {
                best = r;
                choice = m_cells[at(wx, wy)];
            }
        }
        if (choice != m_cells[at(x, y)])
            setStrategy(x, y, choice == 1 ? core::Action::Cooperate : core::Action::Defect);
    }
}

void SpatialGame::setStrategy(int x, int y, core::Action action)
{
    const std::uint8_t v = action == core::Action::Cooperate ? 1 : 0;
    m_cells[at(x, y)] = v;
    if (!m_def.periodic)
        return;
    // Keep the halo's wrapped copies of this cell current (edges and corners).
    const int w = m_def.width, h = m_def.height;
    const int hx[2] = {x, x == 0 ? w : (x == w - 1 ? -1 : x)};
    const int hy[2] = {y, y == 0 ? h : (y == h - 1 ? -1 : y)};
    for (const int cx : hx)
        for (const int cy : hy)
            m_cells[at(cx, cy)] = v;
}

void SpatialGame::setStrategies(std::span<const core::Action> grid)
{
    const auto w = static_cast<std::size_t>(m_def.width);
    if (grid.size() != w * static_cast<std::size_t>(m_def.height))
        throw ConfigError("spatial game grid has " + std::to_string(grid.size()) + " cells, expected " +
                          std::to_string(w * static_cast<std::size_t>(m_def.height)));
    for (int y = 0; y < m_def.height; ++y)
        for (int x = 0; x < m_def.width; ++x)
            m_cells[at(x, y)] = grid[std::size_t(y) * w + std::size_t(x)] == core::Action::Cooperate ? 1 : 0;
    refreshHalo(m_cells);
}

void SpatialGame::randomise(double defectorShare, std::uint64_t seed)
{
    const core::CounterRng rng(seed);
    const auto w = static_cast<std::size_t>(m_def.width);
    for (int y = 0; y < m_def.height; ++y)
        for (int x = 0; x < m_def.width; ++x)
            m_cells[at(x, y)] =
                rng.uniform(0, std::size_t(y) * w + std::size_t(x), 0, core::Purpose::Init) < defectorShare ? 0 : 1;
    refreshHalo(m_cells);
}

core::Action SpatialGame::strategy(int x, int y) const noexcept
{
    return m_cells[at(x, y)] == 1 ? core::Action::Cooperate : core::Action::Defect;
}

std::vector<core::Action> SpatialGame::strategies() const
{
    std::vector<core::Action> grid;
    grid.reserve(static_cast<std::size_t>(m_def.width) * static_cast<std::size_t>(m_def.height));
    for (int y = 0; y < m_def.height; ++y)
        for (int x = 0; x < m_def.width; ++x)
            grid.push_back(strategy(x, y));
    return grid;
}

std::size_t SpatialGame::cooperators() const noexcept
{
    std::size_t total = 0;
    for (int y = 0; y < m_def.height; ++y)
    {
        const std::uint8_t* row = &m_cells[at(0, y)];
        std::uint32_t count = 0;
        for (int x = 0; x < m_def.width; ++x)
            count += row[x];
        total += count;
    }
    return total;
}

double SpatialGame::cooperatorShare() const noexcept
{
    return double(cooperators()) / (double(m_def.width) * double(m_def.height));
}

SpatialGame::Acts SpatialGame::acts() const noexcept
{
    // Every cell has the full neighbourhood on a torus; with fixed edges the border cells have fewer, so they are
    // counted one by one (the other cells through the plain count of cooperators).
    const int w = m_def.width, h = m_def.height;
    const int self = m_def.selfInteraction ? 1 : 0;
    const auto full = static_cast<std::uint64_t>(m_def.neighbourhood == scenario::Neighbourhood::Moore ? 8 : 4);
    const std::uint64_t cells = std::uint64_t(w) * std::uint64_t(h);
    Acts a;
    if (m_def.periodic)
    {
        a.cooperative = full * cooperators();
        a.total = full * cells;
        return a;
    }
    std::uint64_t borderCooperative = 0, borderCells = 0, borderActs = 0;
    const auto border = [&](int x, int y)
    {
        const auto partners = static_cast<std::uint64_t>(neighbourCount(x, y) - self);
        ++borderCells;
        borderActs += partners;
        borderCooperative += m_cells[at(x, y)] * partners;
    };
    std::uint64_t borderCooperators = 0;
    for (int x = 0; x < w; ++x)
        for (const int y : {0, h - 1})
            if (y == 0 || h > 1)
            {
                borderCooperators += m_cells[at(x, y)];
                border(x, y);
            }
    for (int y = 1; y + 1 < h; ++y)
        for (const int x : {0, w - 1})
            if (x == 0 || w > 1)
            {
                borderCooperators += m_cells[at(x, y)];
                border(x, y);
            }
    a.cooperative = full * (cooperators() - borderCooperators) + borderCooperative;
    a.total = full * (cells - borderCells) + borderActs;
    return a;
}

std::size_t SpatialGame::memoryBytes() const noexcept
{
    return m_cells.capacity() + m_next.capacity() + m_key.capacity() + m_order.capacity() * sizeof(std::uint32_t);
}

std::optional<SpatialGame> SpatialGame::fromScenario(const scenario::Scenario& scenario,
                                                     const core::Catalogue& catalogue)
{
    std::string whyNot;
    return fromScenario(scenario, catalogue, whyNot);
}

std::optional<SpatialGame> SpatialGame::fromScenario(const scenario::Scenario& scenario,
                                                     const core::Catalogue& catalogue, std::string& whyNot)
{
    whyNot.clear();
    const auto refuse = [&](std::string reason) -> std::optional<SpatialGame>
    {
        whyNot = std::move(reason);
        return std::nullopt;
    };
    // "key is value, expected what" with the value as the scenario file writes it.
    const auto differs = [&](std::string_view key, std::string_view expected)
    {
        return std::string(key) + " is " + scenario::formatValue(scenario::findParameter(key)->get(scenario)) +
               ", expected " + std::string(expected);
    };

    const auto& net = scenario.network;
    const auto& l = scenario.learning;
    if (net.kind != scenario::NetworkKind::Lattice)
        return refuse(differs("network.kind", "\"lattice\" (the kernel runs lattices only)"));
    if (!net.edges.empty())
        return refuse("network.edges: the scenario adds " + std::to_string(net.edges.size()) +
                      " explicit edges, expected none (the kernel runs a plain lattice)");
    if (!net.interdependenceCsv.empty() || !net.interdependence.values.empty())
        return refuse("network.interdependence_csv: the scenario gives edge weights, expected none (the kernel runs a "
                      "plain lattice)");
    if (!net.allianceCsv.empty() || !net.alliance.values.empty())
        return refuse(
            "network.alliance_csv: the scenario gives alliances, expected none (the kernel has no alliances)");
    if (!net.trustCsv.empty() || !net.trust.values.empty())
        return refuse("network.trust_csv: the scenario gives initial trust, expected none (the kernel has no trust)");
    // Named positively, so that a game kind added later is not taken for a 2x2 game by accident.
    const auto kind = scenario.game.kind;
    if (kind != scenario::GameKind::PrisonersDilemma && kind != scenario::GameKind::StagHunt &&
        kind != scenario::GameKind::HawkDove && kind != scenario::GameKind::Chicken &&
        kind != scenario::GameKind::Custom)
        return refuse(differs("game.kind", "a 2x2 game: \"prisoners-dilemma\", \"stag-hunt\", \"hawk-dove\", "
                                           "\"chicken\" or \"custom\" (the kernel plays one)"));
    if (l.rule != scenario::LearningRule::ImitateBest)
        return refuse(differs("learning.rule", "\"imitate-best\" (the kernel's only update rule)"));
    if (l.interval != 1)
        return refuse(differs("learning.interval", "1 (the kernel imitates every round)"));
    if (l.mutation != 0.0)
        return refuse(differs("learning.mutation", "0 (the kernel does not mutate)"));
    for (const char* key : {"noise.false_attribution", "noise.missed_attack", "noise.execution"})
        if (std::get<double>(scenario::findParameter(key)->get(scenario)) != 0.0)
            return refuse(differs(key, "0 (the kernel has no noise)"));
    for (const char* key : {"arms.enabled", "common_security.enabled", "surveillance.enabled", "sovereignty.enabled"})
        if (std::get<bool>(scenario::findParameter(key)->get(scenario)))
            return refuse(differs(key, "false (the kernel has only the spatial game)"));
    if (scenario.governance.approach != scenario::GovernanceApproach::None)
        return refuse(differs("governance.approach", "\"none\" (the kernel has no norm agenda)"));
    if (scenario.groupGame.kind != scenario::GroupGameKind::None)
        return refuse(differs("group_game.kind", "\"none\" (the kernel plays pairwise games only)"));
    if (!scenario.events.empty())
        return refuse("events: the scenario schedules " + std::to_string(scenario.events.size()) +
                      " events, expected none (the kernel runs none)");
    for (std::size_t i = 0; i < scenario.states.size(); ++i)
        if (!scenario.states[i].strategy.empty())
            return refuse("states[" + std::to_string(i) + "].strategy is \"" + scenario.states[i].strategy +
                          "\", expected none (the kernel plays the doctrines' unconditional strategies)");

    // The doctrines in use must each play an unconditional strategy, one doctrine per action.
    std::vector<std::string> names;
    for (const auto& st : scenario.states)
        names.push_back(st.doctrine);
    for (std::size_t k = 0; k < scenario.generate.doctrines.size(); ++k)
        if (scenario.generate.count > 0)
            names.push_back(scenario.generate.doctrines[k]);
    std::string cooperator, defector;
    for (const auto& name : names)
    {
        const auto* doctrine = catalogue.doctrine(name);
        if (doctrine == nullptr)
            throw ConfigError("unknown doctrine '" + name + "'");
        if (!doctrine->strategyParams.empty())
            return refuse("doctrine \"" + name +
                          "\" gives its strategy parameters, expected Cooperator or Defector "
                          "without parameters (the kernel's strategies are unconditional)");
        if (doctrine->strategy != "Cooperator" && doctrine->strategy != "Defector")
            return refuse("doctrine \"" + name + "\" plays " + doctrine->strategy +
                          ", expected Cooperator or Defector (the kernel's strategies are unconditional)");
        std::string& slot = doctrine->strategy == "Cooperator" ? cooperator : defector;
        if (!slot.empty() && slot != name)
            return refuse("doctrines \"" + slot + "\" and \"" + name + "\" both play " + doctrine->strategy +
                          ", expected one doctrine per strategy");
        slot = name;
    }
    const std::size_t n = scenario.states.size() + std::size_t(std::max(0, scenario.generate.count));
    const std::size_t width = net.width > 0 ? std::size_t(net.width) : std::size_t(std::llround(std::sqrt(double(n))));
    if (width == 0 || n % width != 0)
        return refuse("the " + std::to_string(n) + " states do not fill a lattice " + std::to_string(width) +
                      " wide, expected a multiple of the width");
    SpatialGameDef def;
    def.width = static_cast<int>(width);
    def.height = static_cast<int>(n / width);
    def.periodic = net.periodic;
    def.neighbourhood = net.neighbourhood;
    def.selfInteraction = net.selfInteraction;
    def.game = scenario.game.matrix;
    def.weight = net.weight;
    def.seed = scenario.run.seed;
    def.update =
        l.update == scenario::LearningUpdate::Asynchronous ? SpatialUpdate::Asynchronous : SpatialUpdate::Synchronous;
    if (def.width < (def.periodic ? 3 : 2) || def.height < (def.periodic ? 3 : 2))
        return refuse("the lattice is " + std::to_string(def.width) + " x " + std::to_string(def.height) +
                      ", expected sides of at least " + (def.periodic ? "3 on a torus" : "2 with fixed edges"));

    // The engine's own world builder places the doctrines, so the initial grid is the engine's exactly. Placement
    // draws from its own stream before any edge is made, so the builder is asked for the states alone (an explicit
    // network without edges): a million-cell lattice then costs no edge lists the kernel would not use.
    scenario::Scenario statesOnly = scenario;
    statesOnly.network.kind = scenario::NetworkKind::Explicit;
    const World world = buildWorld(statesOnly, catalogue, scenario.run.seed);
    if (world.stateCount() != n || world.doctrines.empty())
        return refuse("the world builder made " + std::to_string(world.stateCount()) + " states, expected " +
                      std::to_string(n));
    std::vector<core::Action> grid(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        const auto& doctrine = world.doctrines[static_cast<std::size_t>(world.states[i].doctrine)];
        if (doctrine != cooperator && doctrine != defector)
            return refuse("state " + world.states[i].name + " has doctrine \"" + doctrine +
                          "\", expected one playing Cooperator or Defector");
        grid[i] = doctrine == cooperator ? core::Action::Cooperate : core::Action::Defect;
    }
    SpatialGame game(def);
    game.setStrategies(grid);
    game.m_cooperatorDoctrine = cooperator;
    game.m_defectorDoctrine = defector;
    return game;
}

} // namespace cybersim::engine
