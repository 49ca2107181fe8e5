// SPDX-License-Identifier: MIT
// [[claims]] in scenario files: read with every field, written back exactly, left out of the hash, and each rule
// that a claim can break gets a located diagnostic.
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include "scenario_test_support.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace cybersim;
using namespace cybersim::scenario;
using test::scenarioCatalogue;

namespace
{

const std::string kWorld = "[run]\nrounds = 50\n[network]\nkind = \"complete\"\n[[states]]\nname = \"A\"\n"
                           "[[states]]\nname = \"B\"\n";

const std::string kTwoClaims = R"(
[[claims]]
name = "trust-collapses"
text = "trust collapses"
metric = "mean_trust"
from = 40
to = 50
compare = "below"
value = 0.2
share = 0.8
seeds = 12

[[claims]]
name = "arms-rise-with-reactivity"
text = "more reactivity, more arms"
metric = "total_arms"
stat = "final"
compare = "above"
versus = "arms.reactivity=0"
known_failure = "not yet"
)";

std::vector<Diagnostic> problems(const std::string& text)
{
    try
    {
        (void)parseScenario(text, "c.toml", scenarioCatalogue());
    }
    catch (const ScenarioError& e)
    {
        return e.diagnostics();
    }
    return {};
}

} // namespace

TEST_CASE("scenario claims: every field is read, and defaults fill the rest")
{
    const auto s = parseScenario(kWorld + kTwoClaims, "c.toml", scenarioCatalogue());
    REQUIRE(s.claims.size() == 2);
    const auto& a = s.claims[0];
    CHECK(a.name == "trust-collapses");
    CHECK(a.text == "trust collapses");
    CHECK(a.metric == "mean_trust");
    CHECK(a.stat == ClaimStat::Mean);
    CHECK(a.from == 40);
    CHECK(a.to == 50);
    CHECK(a.compare == ClaimComparison::Below);
    CHECK(a.value == 0.2);
    CHECK(a.share == 0.8);
    CHECK(a.seeds == 12);
    CHECK(a.versus.empty());
    CHECK(a.knownFailure.empty());
    CHECK(a.line == 10); // the [[claims]] header
    const auto& b = s.claims[1];
    CHECK(b.stat == ClaimStat::Final);
    CHECK(b.compare == ClaimComparison::Above);
    CHECK(b.versus == "arms.reactivity=0");
    CHECK(b.knownFailure == "not yet");
    CHECK(b.seeds == 20);
    CHECK(b.value == 0.0);
}

TEST_CASE("scenario claims: written back exactly, and never part of the scenario's hash")
{
    const auto s = parseScenario(kWorld + kTwoClaims, "c.toml", scenarioCatalogue());
    const auto text = writeScenario(s);
    CHECK(text.find("[[claims]]") != std::string::npos);
    const auto again = parseScenario(text, "again.toml", scenarioCatalogue());
    REQUIRE(again.claims.size() == 2);
    CHECK(writeScenario(again) == text);
    CHECK(again.claims[1].versus == "arms.reactivity=0");
    // Fields a claim does not use are not written: a final-value claim has no window, a contrast no share.
    CHECK(text.find("share = 0.9") == std::string::npos);

    const auto without = parseScenario(kWorld, "w.toml", scenarioCatalogue());
    CHECK(scenarioHash(s) == scenarioHash(without));
}

TEST_CASE("scenario claims: each broken rule is reported at the claim")
{
    struct Case
    {
        std::string claim;
        std::string key;
        std::string message;
    };
    const std::vector<Case> cases{
        {"text = \"x\"", "claims[0]", "has no name"},
        {"name = \"a\"\nfrom = 30\nto = 20", "claims[0].to", "expected at least from (30) or 0"},
        {"name = \"a\"\nstat = \"final\"\nfrom = 3", "claims[0].from", "not used by a claim with stat = \"final\""},
        {"name = \"a\"\nversus = \"arms.reactivity\"", "claims[0].versus", "expected \"key=value\""},
        {"name = \"a\"\nversus = \"arms.reactivty=0\"", "claims[0].versus", "expected a scenario key"},
        {"name = \"a\"\nversus = \"arms.reactivity=0\"\nshare = 0.5", "claims[0].share", "not used by a claim with"},
        {"name = \"a\"\ncompare = \"lower\"", "claims[0].compare", "below"},
        {"name = \"a\"\nshare = 0", "claims[0].share", "expected"},
        {"name = \"a\"\nseeds = 1", "claims[0].seeds", "expected"},
        {"name = \"a\"\nwhat = 1", "claims[0].what", "unknown key"},
    };
    for (const auto& c : cases)
    {
        CAPTURE(c.claim);
        const auto found = problems(kWorld + "[[claims]]\n" + c.claim + "\n");
        REQUIRE(found.size() == 1);
        CHECK(found[0].keyPath == c.key);
        CHECK(found[0].message.find(c.message) != std::string::npos);
        CHECK(found[0].line >= 9);
    }
    const auto twice = problems(kWorld + "[[claims]]\nname = \"a\"\n[[claims]]\nname = \"a\"\n");
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].keyPath == "claims[1].name");
    CHECK(twice[0].message.find("already the name of another claim") != std::string::npos);
}
