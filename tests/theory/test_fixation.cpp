// SPDX-License-Identifier: MIT
// Tests of fixation probabilities: closed forms against the general product formula, and EGTtools' exact values.
#include "cybersim/theory/collective_risk.hpp"
#include "cybersim/theory/fixation.hpp"
#include "cybersim/theory/group_game.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/scenario/data_locator.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace theory = cybersim::theory;
using cybersim::ConfigError;

namespace
{

// The `value` column of egttools_peer_fixation.tsv keyed by `kind` (found as `cybersim validate` finds it).
std::map<std::string, double> readPeerValues()
{
    std::ifstream in(cybersim::scenario::DataLocator::forThisProgram().validationDir() / "egttools_peer_fixation.tsv");
    REQUIRE(in.good());
    std::map<std::string, double> values;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line))
    {
        if (line.empty())
            continue;
        std::vector<std::string> fields;
        std::stringstream row(line);
        std::string field;
        while (std::getline(row, field, '\t'))
            fields.push_back(field);
        REQUIRE(fields.size() >= 3);
        values[fields[0]] = std::stod(fields[2]);
    }
    return values;
}

bool relativelyClose(double got, double expected, double tolerance)
{
    return std::abs(got - expected) <= tolerance * std::abs(expected);
}

// A naive birth-death fixation probability from explicit T+ and T- (no logs), for cross-checks at moderate N.
template <typename Ratio> double naiveFixation(int n, Ratio ratio)
{
    double sum = 1.0, product = 1.0;
    for (int k = 1; k < n; ++k)
    {
        product *= ratio(k);
        sum += product;
    }
    return 1.0 / sum;
}

double fermi(double beta, double gain)
{
    return 1.0 / (1.0 + std::exp(-beta * gain));
}

} // namespace

TEST_CASE("fixation: the three EGTtools values to 1e-12 relative")
{
    const auto expected = readPeerValues();
    REQUIRE(expected.size() == 3);

    SUBCASE("2-player hawk-dove under the Fermi process")
    {
        // V=2, D=3, T=1: [[(V-D)/2, V], [0, V/2 - T]]; hawk (0) invades dove (1); N=100, beta=1.
        Eigen::MatrixXd a(2, 2);
        a << -0.5, 2.0, 0.0, 0.0;
        const double rho = theory::pairwiseFixation(a, 0, 1, 100, 1.0);
        CHECK(relativelyClose(rho, expected.at("pairwise_fermi_2p"), 1e-12));
    }
    SUBCASE("one-shot collective-risk dilemma, defector invades cooperators")
    {
        const theory::CollectiveRiskDef def{6, 3, 1.0, 0.1, 1.0};
        const double rho =
            theory::groupPairwiseFixation(theory::collectiveRiskGame(def), theory::kCrdDefector, 50, 1.0);
        CHECK(relativelyClose(rho, expected.at("pairwise_fermi_crd"), 1e-12));
    }
    SUBCASE("3-player matrix game, strategy 1 invades strategy 0")
    {
        const theory::GroupGame game = theory::groupGameFromCompositions({-0.5, 2.0, 1.0, 3.0}, {0.0, 0.0, 1.0, 2.0});
        const double rho = theory::groupPairwiseFixation(game, 1, 100, 1.0);
        CHECK(relativelyClose(rho, expected.at("pairwise_fermi_nplayer"), 1e-12));
    }
}

TEST_CASE("fixation: moran closed form equals the product formula with constant fitness")
{
    for (const double r : {0.5, 0.9, 0.999999, 1.0, 1.000001, 1.1, 2.0, 10.0})
    {
        for (const int n : {2, 3, 10, 100})
        {
            CAPTURE(r);
            CAPTURE(n);
            const double closed = theory::moranFixation(r, n);
            const double product = naiveFixation(n, [r](int) { return 1.0 / r; });
            CHECK(closed == doctest::Approx(product).epsilon(1e-9));
            const std::vector<double> logs(static_cast<std::size_t>(n - 1), -std::log(r));
            CHECK(theory::fixationFromLogRatios(logs) == doctest::Approx(product).epsilon(1e-12));
        }
    }
    CHECK(theory::moranFixation(1.0, 50) == doctest::Approx(1.0 / 50));
    SUBCASE("near-neutral r loses no precision")
    {
        // (1 - 1/r)/(1 - r^-N) -> 1/N + (N-1)/(2N) s for r = e^s, s small.
        const double s = 1e-10;
        CHECK(theory::moranFixation(std::exp(s), 10) == doctest::Approx(0.1 + 0.45 * s).epsilon(1e-14));
    }
    SUBCASE("extreme values stay finite")
    {
        CHECK(theory::moranFixation(1e-300, 1000) == 0.0);
        CHECK(theory::moranFixation(1e300, 1000) == doctest::Approx(1.0));
        CHECK(theory::fixationFromLogRatios(std::vector<double>(100000, 50.0)) == 0.0);
        CHECK(theory::fixationFromLogRatios(std::vector<double>(100000, -50.0)) == doctest::Approx(1.0));
    }
}

TEST_CASE("fixation: moran game process (Nowak et al. 2004)")
{
    Eigen::MatrixXd a(2, 2);
    a << 3.0, 0.0, 5.0, 1.0;
    SUBCASE("w = 0 is neutral")
    {
        CHECK(theory::moranGameFixation(a, 0, 1, 20, 0.0) == doctest::Approx(1.0 / 20));
    }
    SUBCASE("constant payoffs reduce to the constant-fitness closed form")
    {
        Eigen::MatrixXd constant(2, 2);
        constant << 1.7, 1.7, 1.0, 1.0;
        CHECK(theory::moranGameFixation(constant, 0, 1, 30, 1.0) ==
              doctest::Approx(theory::moranFixation(1.7, 30)).epsilon(1e-12));
    }
    SUBCASE("matches the naive product of g_i / f_i")
    {
        const int n = 25;
        const double w = 0.3;
        const double expected =
            naiveFixation(n,
                          [&](int i)
                          {
                              const double f = 1 - w + w * (a(1, 1) * (i - 1) + a(1, 0) * (n - i)) / (n - 1);
                              const double g = 1 - w + w * (a(0, 1) * i + a(0, 0) * (n - i - 1)) / (n - 1);
                              return g / f;
                          });
        CHECK(theory::moranGameFixation(a, 1, 0, n, w) == doctest::Approx(expected).epsilon(1e-12));
        CHECK(theory::moranGameFixation(a, 1, 0, n, w) > 1.0 / n); // defectors are favoured
    }
    SUBCASE("a non-positive fitness is rejected")
    {
        Eigen::MatrixXd negative(2, 2);
        negative << -3.0, 0.0, 0.0, 0.0;
        CHECK_THROWS_WITH_AS((void)theory::moranGameFixation(negative, 0, 1, 10, 1.0),
                             doctest::Contains("expected both > 0"), ConfigError);
    }
}

TEST_CASE("fixation: pairwise comparison matches explicit Fermi transition probabilities")
{
    Eigen::MatrixXd a(3, 3);
    a << 1.0, 0.2, 3.0, 1.5, 0.5, 0.0, 0.3, 2.0, 1.0;
    const int n = 40;
    for (const double beta : {0.0, 0.1, 1.0, 3.0})
    {
        CAPTURE(beta);
        const int inv = 2, res = 1;
        const double expected =
            naiveFixation(n,
                          [&](int i)
                          {
                              const double fi = (a(inv, inv) * (i - 1) + a(inv, res) * (n - i)) / (n - 1);
                              const double fr = (a(res, inv) * i + a(res, res) * (n - i - 1)) / (n - 1);
                              const double up = (double(n - i) / n) * (double(i) / (n - 1)) * fermi(beta, fi - fr);
                              const double down = (double(i) / n) * (double(n - i) / (n - 1)) * fermi(beta, fr - fi);
                              return down / up;
                          });
        CHECK(theory::pairwiseFixation(a, inv, res, n, beta) == doctest::Approx(expected).epsilon(1e-12));
    }
    CHECK(theory::pairwiseFixation(a, 0, 1, n, 0.0) == doctest::Approx(1.0 / n));
    SUBCASE("large populations and strong selection give finite numbers")
    {
        const double rho = theory::pairwiseFixation(a, 0, 1, 20000, 10.0);
        CHECK(std::isfinite(rho));
        CHECK(rho >= 0.0);
        CHECK(rho <= 1.0);
    }
}

TEST_CASE("fixation: a group game of size 2 is the matrix game")
{
    Eigen::MatrixXd a(2, 2);
    a << -0.5, 2.0, 0.0, 0.0;
    // payoff_s[j]: j = number of strategy-1 co-players, so payoff0 = {A00, A01}, payoff1 = {A10, A11}.
    const theory::GroupGame game{2, {a(0, 0), a(0, 1)}, {a(1, 0), a(1, 1)}};
    for (const int inv : {0, 1})
        CHECK(theory::groupPairwiseFixation(game, inv, 60, 0.7) ==
              doctest::Approx(theory::pairwiseFixation(a, inv, 1 - inv, 60, 0.7)).epsilon(1e-13));
}

TEST_CASE("fixation: invalid arguments throw ConfigError")
{
    Eigen::MatrixXd a(2, 2);
    a << 1.0, 0.0, 0.0, 1.0;
    CHECK_THROWS_WITH_AS((void)theory::moranFixation(2.0, 1), "population size is 1, expected >= 2", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::moranFixation(-1.0, 10), doctest::Contains("relative fitness is -1"),
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::moranFixation(std::nan(""), 10), doctest::Contains("relative fitness is nan"),
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::pairwiseFixation(a, 0, 1, 1, 1.0), "population size is 1, expected >= 2",
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::pairwiseFixation(a, 0, 0, 10, 1.0), doctest::Contains("expected two strategies"),
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::pairwiseFixation(a, 0, 2, 10, 1.0), "resident is 2, expected an index in [0, 1]",
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::pairwiseFixation(a, 0, 1, 10, -1.0), doctest::Contains("beta is -1"),
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::pairwiseFixation(Eigen::MatrixXd::Ones(2, 3), 0, 1, 10, 1.0),
                         "payoff matrix is 2x3, expected a square matrix", ConfigError);
    Eigen::MatrixXd withNan = a;
    withNan(1, 0) = std::nan("");
    CHECK_THROWS_WITH_AS((void)theory::pairwiseFixation(withNan, 0, 1, 10, 1.0),
                         "payoff matrix(1, 0) is nan, expected a finite number", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::moranGameFixation(a, 0, 1, 10, 1.5), doctest::Contains("expected a probability"),
                         ConfigError);
    CHECK_THROWS_AS((void)theory::fixationFromLogRatios({}), ConfigError);
    const theory::GroupGame game{3, {0.0, 1.0, 2.0}, {0.5, 1.5, 2.5}};
    CHECK_THROWS_WITH_AS((void)theory::groupPairwiseFixation(game, 2, 10, 1.0), "invader is 2, expected 0 or 1",
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::groupPairwiseFixation(game, 0, 2, 1.0),
                         "population size is 2, expected >= group size 3", ConfigError);
}
