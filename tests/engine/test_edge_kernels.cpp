// SPDX-License-Identifier: MIT
// The per-relation kernels read per-state arrays either by gathering partner[k] or, on rows whose partners are runs of
// consecutive states (a complete network), with contiguous loads (edge_kernels.hpp, PartnerRuns). Both ways must give
// the same bits; so must the interleaved budget sums and a plain loop.
#include "kernels/edge_kernels.hpp"

#include "cybersim/core/rng.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <vector>

using namespace cybersim::core;
using namespace cybersim::engine;

namespace
{

// A complete network of n states in CSR form: state i's partners are every other state, in order.
struct CompleteNetwork
{
    std::vector<std::uint32_t> offsets, partner, reverse;
    explicit CompleteNetwork(std::uint32_t n)
    {
        offsets.push_back(0);
        for (std::uint32_t i = 0; i < n; ++i)
        {
            for (std::uint32_t j = 0; j < n; ++j)
                if (j != i)
                    partner.push_back(j);
            offsets.push_back(static_cast<std::uint32_t>(partner.size()));
        }
        reverse.resize(partner.size());
        for (std::uint32_t i = 0; i < n; ++i)
            for (auto k = offsets[i]; k < offsets[i + 1]; ++k)
            {
                const auto j = partner[k];
                reverse[k] = offsets[j] + (i < j ? i : i - 1);
            }
    }
    [[nodiscard]] kernel::Edges edges() const { return {partner.data(), reverse.data()}; }
    [[nodiscard]] kernel::PartnerRuns runs(std::uint32_t i) const
    {
        return kernel::findPartnerRuns(partner.data(), offsets[i], offsets[i + 1]);
    }
};

std::vector<double> uniforms(std::size_t count, std::uint64_t key)
{
    CounterRng rng(key);
    std::vector<double> values(count);
    for (std::size_t k = 0; k < count; ++k)
        values[k] = rng.uniform(0, k, 0, Purpose::Init);
    return values;
}

std::vector<std::int32_t> flags(std::size_t count, std::uint64_t key)
{
    CounterRng rng(key);
    std::vector<std::int32_t> values(count);
    for (std::size_t k = 0; k < count; ++k)
        values[k] = rng.uniform(0, k, 1, Purpose::Init) < 0.4 ? 1 : 0;
    return values;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// The runs of `partners` as a row starting at relation b, checked against the list itself.
kernel::PartnerRuns runsOf(const std::vector<std::uint32_t>& partners, std::size_t b = 0)
{
    std::vector<std::uint32_t> row(b, 0);
    row.insert(row.end(), partners.begin(), partners.end());
    const auto runs = kernel::findPartnerRuns(row.data(), b, row.size());
    if (runs.consecutive)
        for (std::size_t k = b; k < row.size(); ++k)
            CHECK(row[k] == (k < b + runs.split ? k + runs.first : k + runs.first + 1));
    return runs;
}

} // namespace

TEST_CASE("partner runs: one run, or two around one missing state, and anything else gathers")
{
    CHECK(runsOf({1, 2, 3, 4}).consecutive); // state 0 of a complete network of 5
    CHECK(runsOf({0, 1, 2, 3}, 12).consecutive);
    const auto gap = runsOf({0, 1, 3, 4}, 7); // state 2
    CHECK(gap.consecutive);
    CHECK(gap.split == 2);
    CHECK(runsOf({7}).consecutive);
    CHECK_FALSE(runsOf({}).consecutive);
    CHECK_FALSE(runsOf({0, 2, 4}).consecutive);
    CHECK_FALSE(runsOf({0, 2, 3, 5}).consecutive); // two missing states
    CHECK_FALSE(runsOf({3, 2, 1}).consecutive);    // not sorted
    CHECK_FALSE(runsOf({0, 1, 1, 3}).consecutive); // the right span, but a repeated state
    const CompleteNetwork network(40);
    for (std::uint32_t i = 0; i < 40; ++i)
        CHECK(network.runs(i).consecutive);
}

TEST_CASE("partner runs: every kernel that reads by partner gives the same bits with contiguous loads as with gathers")
{
    // 40 states: rows of 39 relations, above the short-row threshold, so the vector kernels run. Both kernel sets.
    constexpr std::uint32_t n = 40;
    const CompleteNetwork network(n);
    const std::size_t m = network.partner.size();
    const auto perState = uniforms(n, 1), weight = uniforms(m, 2), trust = uniforms(m, 3), chance = uniforms(m, 4);
    const auto exposure = uniforms(m, 5), factors = uniforms(n, 6);
    const auto live = flags(m, 7), act = flags(m, 8), accused = flags(m, 9);
    std::vector<kernel::PartnerRuns> allRuns(n), noneRuns(n);
    for (std::uint32_t i = 0; i < n; ++i)
        allRuns[i] = network.runs(i);
    // The sums of one row (a range of one state: no group of four).
    const auto weightedOf = [&](std::uint32_t i, const std::vector<kernel::PartnerRuns>& rowRuns)
    {
        double out[n];
        kernel::weightedSums(network.offsets.data(), i, i + 1, network.partner.data(), rowRuns.data(), weight.data(),
                             perState.data(), out);
        return out[i];
    };
    const auto threatOf = [&](std::uint32_t i, const std::vector<kernel::PartnerRuns>& rowRuns)
    {
        double out[n];
        kernel::threatSums(network.offsets.data(), i, i + 1, network.partner.data(), rowRuns.data(), live.data(),
                           weight.data(), trust.data(), perState.data(), out);
        return out[i];
    };
    const bool before = kernel::setWideKernels(true);
    for (const bool wide : {true, false})
    {
        kernel::setWideKernels(wide);
        CAPTURE(wide);
        for (std::uint32_t i = 0; i < n; ++i)
        {
            CAPTURE(i);
            const auto b = network.offsets[i], e = network.offsets[i + 1];
            const auto* const partner = network.partner.data();
            const auto edges = network.edges();
            const auto rowRuns = network.runs(i), noRuns = kernel::PartnerRuns{};
            REQUIRE(rowRuns.consecutive);
            const auto *runs = &rowRuns, *gathers = &noRuns;
            CHECK(sameBits(weightedOf(i, allRuns), weightedOf(i, noneRuns)));
            CHECK(sameBits(threatOf(i, allRuns), threatOf(i, noneRuns)));
            CHECK(sameBits(kernel::accuserLegitimacy(b, e, edges, runs, accused.data(), perState.data()),
                           kernel::accuserLegitimacy(b, e, edges, gathers, accused.data(), perState.data())));

            const auto draws = CounterRng(11).stream(3, i);
            std::vector<double> chanceA(m), chanceB(m);
            std::vector<std::int32_t> outcomeA(m), outcomeB(m);
            kernel::intrusions({b, e, partner, runs, factors.data(), live.data(), act.data(), chanceA.data(),
                                outcomeA.data(), 0.7, draws});
            kernel::intrusions({b, e, partner, gathers, factors.data(), live.data(), act.data(), chanceB.data(),
                                outcomeB.data(), 0.7, draws});
            CHECK(chanceA == chanceB);
            CHECK(outcomeA == outcomeB);

            std::vector<std::int32_t> punishedA(m), punishedB(m);
            const auto countsA = kernel::sanction(
                {b, e, partner, runs, perState.data(), punishedA.data(), 0.6, Purpose::NormsSee, draws});
            const auto countsB = kernel::sanction(
                {b, e, partner, gathers, perState.data(), punishedB.data(), 0.6, Purpose::NormsSee, draws});
            CHECK(punishedA == punishedB);
            CHECK(countsA.punishments == countsB.punishments);
            CHECK(countsA.lapses == countsB.lapses);

            auto trustA = trust, trustB = trust;
            kernel::reputation(
                {b, e, edges, runs, accused.data(), act.data(), perState.data(), trustA.data(), 0.3, 0.2});
            kernel::reputation(
                {b, e, edges, gathers, accused.data(), act.data(), perState.data(), trustB.data(), 0.3, 0.2});
            CHECK(trustA == trustB);

            std::vector<double> weightsA(m), weightsB(m);
            kernel::ClassifyRow row{};
            row.i = i;
            row.b = b;
            row.e = e;
            row.higher = b + i; // the relations to states above i
            row.live = live.data();
            row.weight = weight.data();
            row.trust = trust.data();
            row.chance = chance.data();
            row.partnerExposure = exposure.data();
            row.attackFactor = factors.data();
            row.benefit = 1.0;
            row.gain = 2.0;
            row.loss = 1.5;
            row.vi = 0.8;
            row.defenceFactor = 1.3;
            row.related = 30;
            row.classify = true;
            row.partner = partner;
            row.runs = runs;
            row.distrustWeight = weightsA.data();
            const int dilemmasA = kernel::classifyAndWeigh(row);
            row.runs = gathers;
            row.distrustWeight = weightsB.data();
            CHECK(dilemmasA == kernel::classifyAndWeigh(row));
            CHECK(weightsA == weightsB);
        }
    }
    kernel::setWideKernels(before);
}

TEST_CASE("row groups: sums of four rows at a time have the bits of one row at a time")
{
    // A complete network (rows of 39, in runs), and a network of rows of 3 to 70 relations to scattered partners
    // (gathered; short rows go one at a time), over ranges that do not start or end on a group of four.
    const CompleteNetwork complete(40);
    std::vector<std::uint32_t> offsets{0}, partner;
    for (std::uint32_t i = 0; i < 30; ++i)
    {
        for (std::uint32_t j = 0; j < 80; j += 1 + (i + j) % 3)
            if (j != i && partner.size() - offsets.back() < 3 + (i * 13) % 68)
                partner.push_back(j);
        offsets.push_back(static_cast<std::uint32_t>(partner.size()));
    }
    std::vector<kernel::PartnerRuns> scatteredRuns(30);
    for (std::uint32_t i = 0; i < 30; ++i)
        scatteredRuns[i] = kernel::findPartnerRuns(partner.data(), offsets[i], offsets[i + 1]);
    std::vector<kernel::PartnerRuns> completeRuns(40);
    for (std::uint32_t i = 0; i < 40; ++i)
        completeRuns[i] = complete.runs(i);
    const std::size_t m = std::max(partner.size(), complete.partner.size());
    const auto weight = uniforms(m, 41), trust = uniforms(m, 42), values = uniforms(80, 43);
    const auto active = flags(m, 44);
    const bool before = kernel::setWideKernels(true);
    for (const bool wide : {true, false})
    {
        kernel::setWideKernels(wide);
        const auto check = [&](const std::uint32_t* offs, const std::uint32_t* partners,
                               const kernel::PartnerRuns* runs, std::size_t lo, std::size_t hi)
        {
            std::vector<double> weighted(hi), threat(hi), weightedOne(hi), threatOne(hi);
            kernel::weightedSums(offs, lo, hi, partners, runs, weight.data(), values.data(), weighted.data());
            kernel::threatSums(offs, lo, hi, partners, runs, active.data(), weight.data(), trust.data(), values.data(),
                               threat.data());
            for (std::size_t i = lo; i < hi; ++i)
            {
                // One row at a time: a range of one state takes no group of four.
                kernel::weightedSums(offs, i, i + 1, partners, runs, weight.data(), values.data(), weightedOne.data());
                kernel::threatSums(offs, i, i + 1, partners, runs, active.data(), weight.data(), trust.data(),
                                   values.data(), threatOne.data());
                CAPTURE(wide);
                CAPTURE(i);
                CHECK(sameBits(weighted[i], weightedOne[i]));
                CHECK(sameBits(threat[i], threatOne[i]));
            }
        };
        check(complete.offsets.data(), complete.partner.data(), completeRuns.data(), 0, 40);
        check(complete.offsets.data(), complete.partner.data(), completeRuns.data(), 3, 38);
        check(offsets.data(), partner.data(), scatteredRuns.data(), 0, 30);
        check(offsets.data(), partner.data(), scatteredRuns.data(), 1, 29);
    }
    kernel::setWideKernels(before);
}

TEST_CASE("column kernels: sums into eight states at a time have the bits of the row-wise kernels")
{
    // Every block of eight consecutive states of a complete network of 40, from the first to the last (the block's
    // own states sit in the middle of each partner's row, or at either end). Both kernel sets.
    constexpr std::uint32_t n = 40;
    const CompleteNetwork network(n);
    const std::size_t m = network.partner.size();
    const auto trust = uniforms(m, 31), legitimacy = uniforms(n, 32);
    const auto accused = flags(m, 33), punished = flags(m, 34), active = flags(n, 35);
    std::vector<std::int32_t> partnerActive(m), noBloc(m, 0);
    for (std::size_t k = 0; k < m; ++k)
        partnerActive[k] = active[network.partner[k]];
    const bool before = kernel::setWideKernels(true);
    for (const bool wide : {true, false})
    {
        kernel::setWideKernels(wide);
        for (std::size_t x0 = 0; x0 + kernel::kColumns <= n; ++x0)
        {
            CAPTURE(wide);
            CAPTURE(x0);
            const kernel::Columns columns{network.offsets.data(), n, x0};
            double received[kernel::kColumns], weighted[kernel::kColumns];
            int counts[kernel::kColumns];
            kernel::receivedTrustColumns(columns, active.data(), trust.data(), received);
            kernel::accuserLegitimacyColumns(columns, accused.data(), legitimacy.data(), weighted);
            kernel::countReverseColumns(columns, punished.data(), counts);
            for (std::size_t q = 0; q < kernel::kColumns; ++q)
            {
                const auto x = static_cast<std::uint32_t>(x0 + q);
                const auto b = network.offsets[x], e = network.offsets[x + 1];
                const auto rows =
                    kernel::trustSums(b, e, network.reverse.data(), partnerActive.data(), noBloc.data(), trust.data());
                CHECK(sameBits(received[q], rows.received));
                const auto noRuns = kernel::PartnerRuns{};
                CHECK(sameBits(weighted[q], kernel::accuserLegitimacy(b, e, network.edges(), &noRuns, accused.data(),
                                                                      legitimacy.data())));
                CHECK(counts[q] == kernel::countReverse(b, e, network.reverse.data(), punished.data()));
            }
        }
    }
    kernel::setWideKernels(before);
}

TEST_CASE("ordered trust sums: interleaved states add in row order, the bits of a plain loop")
{
    // Rows of unequal lengths and a state count that is not a multiple of the eight interleaved sums.
    std::vector<std::uint32_t> offsets{0};
    for (std::uint32_t i = 0; i < 21; ++i)
        offsets.push_back(offsets.back() + 3 + (i * 7) % 29);
    const auto trust = uniforms(offsets.back(), 21);
    const auto active = flags(offsets.back(), 22);
    std::vector<double> sums(21, -1.0);
    kernel::orderedTrustSums(offsets.data(), 2, 21, active.data(), trust.data(), sums.data());
    CHECK(sums[0] == -1.0); // outside [lo, hi): untouched
    CHECK(sums[1] == -1.0);
    for (std::size_t i = 2; i < 21; ++i)
    {
        double plain = 0.0;
        for (auto k = offsets[i]; k < offsets[i + 1]; ++k)
            if (active[k] != 0)
                plain += trust[k];
        CAPTURE(i);
        CHECK(sameBits(sums[i], plain));
    }
}
