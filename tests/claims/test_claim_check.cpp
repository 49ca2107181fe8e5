// SPDX-License-Identifier: MIT
// Checking claims: shares and paired contrasts, statuses, identical results at any thread count, shared runs, the
// files, and every bad claim reported before anything runs.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/claims/claim_check.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/sweep/sweep_output.hpp"

#include "scenario_test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

using namespace cybersim;
using namespace cybersim::claims;
using scenario::ClaimComparison;
using scenario::ClaimDef;
using scenario::ClaimStat;

namespace
{

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Three pairs of twins (TFT, GTFT, WSLS) in the noisy prisoner's dilemma, 40 rounds: cooperation is high (about 0.77)
// and falls when noise.execution rises from 0.05 to 0.3. A run takes well under a millisecond.
scenario::Scenario twins(std::vector<ClaimDef> claims = {})
{
    auto s = scenario::loadScenarioFile(test::sourceDir() / "scenarios" / "classic" / "noisy-ipd.toml",
                                        agents::builtinCatalogue(), {"run.rounds=40"});
    s.sourceFile = "twins.toml";
    s.claims = std::move(claims);
    return s;
}

ClaimDef claim(std::string name, ClaimComparison compare, double value, std::string versus = {})
{
    ClaimDef c;
    c.name = std::move(name);
    c.metric = "cooperation_rate";
    c.compare = compare;
    c.value = value;
    c.versus = std::move(versus);
    c.line = 10;
    return c;
}

ClaimResult checkOne(const ClaimDef& c, int threads = 1)
{
    const auto results = checkClaims(twins({c}), agents::builtinCatalogue(), threads);
    REQUIRE(results.size() == 1);
    return results.front();
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b)
{
    // Bit for bit (NaN equals NaN); not memcmp, whose pointers must not be null even for no bytes.
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](double x, double y)
                      { return std::bit_cast<std::uint64_t>(x) == std::bit_cast<std::uint64_t>(y); });
}

std::string problemsOf(const scenario::Scenario& s, std::optional<int> seeds = {})
{
    try
    {
        ClaimCheck check(s, agents::builtinCatalogue(), seeds);
    }
    catch (const ScenarioError& e)
    {
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("claims: a claim over seeds holds when its share of seeds satisfies the comparison")
{
    SUBCASE("holds")
    {
        const auto r = checkOne(claim("cooperative", ClaimComparison::Above, 0.5));
        CHECK(r.status == ClaimStatus::Pass);
        CHECK(r.holds);
        CHECK(r.seeds == 20);
        REQUIRE(r.values.size() == 20);
        CHECK(r.runSeeds.size() == 20);
        CHECK(r.contrastValues.empty());
        CHECK(r.share == 1.0);
        CHECK(r.mean == doctest::Approx(std::accumulate(r.values.begin(), r.values.end(), 0.0) / 20.0));
        CHECK(r.undefined == 0);
        CHECK(r.windowTo == 40);
        CHECK(r.scenarioName == "classic/noisy-ipd");
        CHECK(r.scenarioFile == "twins.toml");
        CHECK(std::isnan(r.meanDifference));
        CHECK(expectedText(r) == "> 0.5 in >= 90% of 20 seeds");
        CHECK(measuredText(r).starts_with("100% (20 of 20), mean 0.7"));
        CHECK(metricText(r) == "cooperation_rate, mean of rounds 1-40");
    }
    SUBCASE("fails")
    {
        auto c = claim("defective", ClaimComparison::Below, 0.1);
        c.stat = ClaimStat::Final;
        c.seeds = 5;
        const auto r = checkOne(c);
        CHECK(r.status == ClaimStatus::Fail);
        CHECK(!r.holds);
        CHECK(r.share == 0.0);
        CHECK(r.values.size() == 5);
        CHECK(metricText(r) == "cooperation_rate, final");
        CHECK(isFailure(r.status));
    }
    SUBCASE("the share needed decides")
    {
        // Rounds 1-3 only: the first noisy moves make some seeds fall below 0.95 and others not.
        auto c = claim("early", ClaimComparison::AtLeast, 0.95);
        c.to = 3;
        c.share = 1.0;
        const auto strict = checkOne(c);
        CHECK(strict.share > 0.0);
        CHECK(strict.share < 1.0);
        CHECK(strict.status == ClaimStatus::Fail);
        c.share = strict.share;
        CHECK(checkOne(c).status == ClaimStatus::Pass);
    }
}

TEST_CASE("claims: a contrast claim holds when the interval of paired differences lies on its side")
{
    SUBCASE("holds: more noise, less cooperation")
    {
        const auto r = checkOne(claim("noise-hurts", ClaimComparison::Above, 0.0, "noise.execution=0.3"));
        CHECK(r.status == ClaimStatus::Pass);
        REQUIRE(r.contrastValues.size() == 20);
        std::vector<double> d(20);
        for (std::size_t i = 0; i < 20; ++i)
            d[i] = r.values[i] - r.contrastValues[i];
        const auto s = sweep::summarise(d);
        CHECK(r.meanDifference == s.mean);
        CHECK(r.ciLow == s.ciLow);
        CHECK(r.ciHigh == s.ciHigh);
        CHECK(r.ciLow > 0.0);
        CHECK(std::isnan(r.share));
        CHECK(expectedText(r) == "above versus noise.execution=0.3, 95% CI, 20 seeds");
        CHECK(measuredText(r).starts_with("difference 0."));
    }
    SUBCASE("fails: the claimed side is wrong, or the margin too large")
    {
        CHECK(checkOne(claim("noise-helps", ClaimComparison::Below, 0.0, "noise.execution=0.3")).status ==
              ClaimStatus::Fail);
        const auto r = checkOne(claim("by-much", ClaimComparison::Above, 0.5, "noise.execution=0.3"));
        CHECK(r.status == ClaimStatus::Fail);
        CHECK(r.ciLow < 0.5);
        CHECK(expectedText(r) == "difference > 0.5 versus noise.execution=0.3, 95% CI, 20 seeds");
    }
    SUBCASE("paired: a contrast that changes nothing differs by exactly zero in every seed")
    {
        const auto r = checkOne(claim("same", ClaimComparison::AtMost, 0.0, "noise.execution=0.05"));
        CHECK(sameBits(r.values, r.contrastValues));
        CHECK(r.ciLow == 0.0);
        CHECK(r.ciHigh == 0.0);
        CHECK(r.status == ClaimStatus::Pass); // at most 0: the upper end 0 <= 0
        CHECK(checkOne(claim("same", ClaimComparison::Below, 0.0, "noise.execution=0.05")).status == ClaimStatus::Fail);
    }
}

TEST_CASE("claims: a known failure that fails is not an error, and one that holds is")
{
    auto failing = claim("never", ClaimComparison::Below, 0.1);
    failing.knownFailure = "the twins cooperate";
    auto holding = claim("always", ClaimComparison::Above, 0.0, "noise.execution=0.3");
    holding.knownFailure = "thought noise did not matter";
    const auto results = checkClaims(twins({failing, holding}), agents::builtinCatalogue(), 2);
    REQUIRE(results.size() == 2);
    CHECK(results[0].status == ClaimStatus::KnownFailure);
    CHECK(!isFailure(results[0].status));
    CHECK(results[1].status == ClaimStatus::UnexpectedPass);
    CHECK(isFailure(results[1].status));
    CHECK(statusText(results[0].status) == "KNOWN FAIL");
    CHECK(statusText(results[1].status) == "UNEXPECTED PASS");
    const auto t = tally(results);
    CHECK(t.passed == 0);
    CHECK(t.failed == 0);
    CHECK(t.knownFailures == 1);
    CHECK(t.unexpectedPasses == 1);
    CHECK(t.errors() == 1);
}

TEST_CASE("claims: results and files are identical at 1 and 2 threads")
{
    auto a = claim("cooperative", ClaimComparison::Above, 0.5);
    auto b = claim("noise-hurts", ClaimComparison::Above, 0.0, "noise.execution=0.3");
    b.stat = ClaimStat::Final;
    const auto s = twins({a, b});
    const auto one = checkClaims(s, agents::builtinCatalogue(), 1);
    const auto two = checkClaims(s, agents::builtinCatalogue(), 2);
    REQUIRE(one.size() == two.size());
    for (std::size_t i = 0; i < one.size(); ++i)
    {
        CHECK(sameBits(one[i].values, two[i].values));
        CHECK(sameBits(one[i].contrastValues, two[i].contrastValues));
        CHECK(one[i].runSeeds == two[i].runSeeds);
        CHECK(one[i].status == two[i].status);
    }
    CHECK(claimsCsv(one) == claimsCsv(two));
    CHECK(claimsJson(one) == claimsJson(two));
}

TEST_CASE("claims: claims that share runs give the values each would alone")
{
    auto a = claim("a", ClaimComparison::Above, 0.5);
    auto b = claim("b", ClaimComparison::Above, 0.0, "noise.execution=0.3");
    b.seeds = 7;
    auto c = claim("c", ClaimComparison::Above, 0.0, "noise.execution=0.3");
    c.metric = "mean_trust";
    c.stat = ClaimStat::Final;
    const auto s = twins({a, b, c});
    const ClaimCheck check(s, agents::builtinCatalogue());
    CHECK(check.claimCount() == 3);
    CHECK(check.runCount() == 40); // 20 runs of the scenario, 20 of the one contrast
    const auto together = check.run(agents::builtinCatalogue(), 2);
    for (std::size_t i = 0; i < 3; ++i)
    {
        CAPTURE(i);
        const auto alone = checkOne(s.claims[i]);
        CHECK(sameBits(together[i].values, alone.values));
        CHECK(sameBits(together[i].contrastValues, alone.contrastValues));
        CHECK(together[i].runSeeds == alone.runSeeds);
    }
    CHECK(together[1].values.size() == 7);

    SUBCASE("--seeds overrides every claim's count")
    {
        const auto results = ClaimCheck(s, agents::builtinCatalogue(), 3).run(agents::builtinCatalogue());
        REQUIRE(results.size() == 3);
        for (std::size_t i = 0; i < 3; ++i)
        {
            CHECK(results[i].seeds == 3);
            CHECK(sameBits(results[i].values,
                           std::vector<double>(together[i].values.begin(), together[i].values.begin() + 3)));
        }
    }
}

TEST_CASE("claims: an undefined value does not satisfy a claim and is counted")
{
    ClaimResult r;
    r.claim = claim("x", ClaimComparison::Above, 0.5);
    r.claim.share = 0.5;
    r.seeds = 4;
    r.values = {0.9, kNaN, 0.8, 0.1};
    judge(r);
    CHECK(r.undefined == 1);
    CHECK(r.share == 0.5);
    CHECK(r.mean == doctest::Approx(0.6));
    CHECK(r.status == ClaimStatus::Pass);
    CHECK(measuredText(r) == "50% (2 of 4), mean 0.6; 1 undefined");
    r.values = {kNaN, kNaN, 0.8, 0.1};
    judge(r);
    CHECK(r.undefined == 2);
    CHECK(r.status == ClaimStatus::Fail);

    SUBCASE("with a contrast, any undefined difference fails the claim")
    {
        r.claim = claim("y", ClaimComparison::Above, 0.0, "noise.execution=0.3");
        r.values = {1.0, 1.1, 1.2, 1.3};
        r.contrastValues = {0.0, 0.1, 0.2, 0.3};
        judge(r);
        CHECK(r.status == ClaimStatus::Pass);
        CHECK(r.undefined == 0);
        r.contrastValues[2] = kNaN;
        judge(r);
        CHECK(r.undefined == 1);
        CHECK(r.meanDifference == doctest::Approx(1.0)); // reported over the defined differences
        CHECK(r.status == ClaimStatus::Fail);
    }
}

TEST_CASE("claims: the CSV and JSON files hold one entry per claim")
{
    auto a = claim("cooperative", ClaimComparison::Above, 0.5);
    a.text = "twins cooperate, mostly";
    auto b = claim("noise-hurts", ClaimComparison::Above, 0.0, "noise.execution=0.3");
    b.seeds = 3;
    const auto results = checkClaims(twins({a, b}), agents::builtinCatalogue(), 2);
    const auto csv = claimsCsv(results);
    CHECK(csv.starts_with("scenario,file,scenario_hash,seed,claim,metric,stat,from,to,compare,value,versus,"));
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);
    CHECK(csv.find(",\"twins cooperate, mostly\",") != std::string::npos);
    CHECK(csv.find("noise.execution=0.3,,3,0,,") != std::string::npos);
    CHECK(csv.find(",PASS,") != std::string::npos);
    const auto json = claimsJson(results);
    CHECK(json.find("\"run_seeds\"") != std::string::npos);
    CHECK(json.find("\"contrast_values\"") != std::string::npos);
    CHECK(json.find("\"errors\": " + std::to_string(tally(results).errors())) != std::string::npos);
    CHECK(json.find("\"version\": \"" CYBERSIM_VERSION "\"") != std::string::npos);
}

TEST_CASE("claims: bad claims are reported with the file, line and key before anything runs")
{
    const auto one = [](ClaimDef c) { return problemsOf(twins({c})); };
    const auto base = claim("c", ClaimComparison::Above, 0.5);

    SUBCASE("unknown metric, with the nearest name")
    {
        auto c = base;
        c.metric = "trustt";
        CHECK(one(c) == "twins.toml:10:1: error: claims[0].metric: is \"trustt\", expected a world metric (did you "
                        "mean \"mean_trust\"?)");
        c.metric = "cooperation_rat";
        CHECK(one(c).find("(did you mean \"cooperation_rate\"?)") != std::string::npos);
        c.metric = "zzz";
        CHECK(one(c).find("claims[0].metric: is \"zzz\", expected a world metric (a column of timeseries.csv") !=
              std::string::npos);
    }
    SUBCASE("versus that is not key=value")
    {
        auto c = base;
        c.versus = "noise.execution";
        CHECK(one(c) == "twins.toml:10:1: error: claims[0].versus: is \"noise.execution\", expected \"key=value\" as "
                        "--set takes it, e.g. \"arms.reactivity=0\"");
    }
    SUBCASE("versus naming an unknown key")
    {
        auto c = base;
        c.versus = "noise.executon=0.3";
        CHECK(one(c) == "twins.toml:10:1: error: claims[0].versus: names \"noise.executon\", expected a scenario key "
                        "(did you mean \"noise.execution\"?)");
    }
    SUBCASE("versus with a value out of range or of the wrong type")
    {
        auto c = base;
        c.versus = "noise.execution=1.5";
        CHECK(one(c).find("claims[0].versus: noise.execution is 1.5, expected") != std::string::npos);
        c.versus = "learning.interval=2.5";
        CHECK(one(c).find("claims[0].versus: learning.interval is 2.5") != std::string::npos);
        c.versus = "states[9].capability=2";
        CHECK(one(c).find("claims[0].versus: states[9].capability names element 9 but the scenario has 6") !=
              std::string::npos);
        c.versus = "game.kind=nonsense";
        CHECK(one(c).find("claims[0].versus: game.kind is \"nonsense\"") != std::string::npos);
    }
    SUBCASE("versus keys that do not change a run, or that the check sets")
    {
        auto c = base;
        c.versus = "run.seed=3";
        CHECK(one(c).find("claims[0].versus: names \"run.seed\", which the check sets for each seed") !=
              std::string::npos);
        c.versus = "claims[0].value=3";
        CHECK(one(c).find("claims[0].versus: names \"claims[0].value\", a key of the claims") != std::string::npos);
    }
    SUBCASE("versus that breaks a rule spanning several keys")
    {
        auto c = base;
        c.versus = "game.kind=matrix";
        CHECK(one(c).find("claims[0].versus: is \"game.kind=matrix\", which makes the scenario invalid: ") !=
              std::string::npos);
    }
    SUBCASE("windows beyond run.rounds, the contrast's included")
    {
        auto c = base;
        c.from = 41;
        CHECK(one(c) == "twins.toml:10:1: error: claims[0].from: is 41, expected at most run.rounds (40)");
        c.from = 5;
        c.to = 50;
        CHECK(one(c) == "twins.toml:10:1: error: claims[0].to: is 50, expected at most run.rounds (40)");
        c.to = 4;
        CHECK(one(c) == "twins.toml:10:1: error: claims[0].to: is 4, expected at least from (5)");
        c.to = 30;
        c.versus = "run.rounds=20";
        CHECK(one(c) == "twins.toml:10:1: error: claims[0].to: is 30, expected at most run.rounds (20, that of the "
                        "contrast)");
    }
    SUBCASE("seeds and shares out of range")
    {
        auto c = base;
        c.seeds = 1;
        CHECK(one(c) == "twins.toml:10:1: error: claims[0].seeds: is 1, expected an integer in [2, 10000]");
        c.seeds = 20;
        c.share = 0.0;
        CHECK(one(c) == "twins.toml:10:1: error: claims[0].share: is 0, expected a share in (0, 1]");
        CHECK(problemsOf(twins({base}), 1) == "error: --seeds: is 1, expected an integer in [2, 10000]");
    }
    SUBCASE("every problem of every claim at once")
    {
        auto a = base;
        a.metric = "nope";
        auto b = base;
        b.line = 20;
        b.versus = "noise.execution=7";
        b.from = 99;
        const auto text = problemsOf(twins({a, b}));
        CHECK(text.find("twins.toml:10:1: error: claims[0].metric") != std::string::npos);
        CHECK(text.find("twins.toml:20:1: error: claims[1].versus") != std::string::npos);
        CHECK(text.find("twins.toml:20:1: error: claims[1].from") != std::string::npos);
    }
}
