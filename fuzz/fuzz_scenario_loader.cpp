// SPDX-License-Identifier: MIT
// libFuzzer target: parseScenario must never crash, and whatever it accepts must survive writeScenario unchanged.
#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace
{

class Cooperator final : public cybersim::core::Strategy
{
public:
    void decide(std::span<cybersim::core::DyadMemory>, std::span<cybersim::core::Action> out,
                const cybersim::core::DecisionContext&) const override
    {
        for (auto& a : out)
            a = cybersim::core::Action::Cooperate;
    }
};

// A small catalogue of its own, so the fuzzer does not depend on agents/.
const cybersim::core::Catalogue& fuzzCatalogue()
{
    static const cybersim::core::Catalogue catalogue = []
    {
        cybersim::core::Catalogue c;
        const auto make = [](const std::vector<double>&) { return std::make_unique<Cooperator>(); };
        c.addStrategy({"TitForTat", "copies the partner's last act", {}, false, make});
        c.addStrategy({"GTFT", "forgives with probability p", {{"p", "forgiveness", 0.0, 1.0, 0.33}}, true, make});
        // m-act strategies: the loader checks their act parameters against the matrix game, and resolves pure:<act>.
        c.addStrategy({"Pure",
                       "always plays one act",
                       {{"act", "act index", 0.0, 7.0, 0.0, cybersim::core::ParamKind::ActIndex}},
                       false,
                       make});
        c.addStrategy({"Mixed",
                       "plays act k with probability w_k / sum w",
                       {{"w0", "weight of act 0", 0.0, 1.0, 1.0, cybersim::core::ParamKind::ActWeight},
                        {"w1", "weight of act 1", 0.0, 1.0, 1.0, cybersim::core::ParamKind::ActWeight},
                        {"w2", "weight of act 2", 0.0, 1.0, 1.0, cybersim::core::ParamKind::ActWeight}},
                       true,
                       make});
        for (const char* name : {"common-security-builder", "realist-hedger", "zero-sum-hegemon", "free-rider",
                                 "isolationist", "norm-entrepreneur", "hypocrite"})
        {
            cybersim::core::DoctrineDef d;
            d.name = name;
            d.strategy = std::string_view(name) == "norm-entrepreneur" ? "GTFT" : "TitForTat";
            c.addDoctrine(d);
        }
        return c;
    }();
    return catalogue;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    cybersim::scenario::Scenario scenario;
    try
    {
        scenario = cybersim::scenario::parseScenario(text, "fuzz.toml", fuzzCatalogue());
    }
    catch (const cybersim::ScenarioError&)
    {
        return 0;
    }
    const auto written = cybersim::scenario::writeScenario(scenario);
    try
    {
        const auto again = cybersim::scenario::parseScenario(written, "<written>", fuzzCatalogue());
        if (cybersim::scenario::writeScenario(again) != written)
        {
            std::fprintf(stderr, "round trip changed the scenario:\n%s\n", written.c_str());
            std::abort();
        }
    }
    catch (const cybersim::ScenarioError& e)
    {
        std::fprintf(stderr, "written scenario does not load:\n%s\n%s\n", written.c_str(), e.what());
        std::abort();
    }
    return 0;
}
