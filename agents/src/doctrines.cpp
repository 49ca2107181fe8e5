// SPDX-License-Identifier: MIT
// The cyber doctrines of docs/model.md as data: each names a dyadic strategy and sets budget, surveillance and norm
// traits.
#include "cybersim/agents/doctrines.hpp"

namespace cybersim::agents
{

void registerDoctrines(core::Catalogue& catalogue)
{
    using core::DoctrineDef;
    // Each entry reads: name, description, strategy, params, defence, offence, contribution, threat response,
    // surveillance, norm support, boldness, vengefulness, hypocrite.
    // A community of common destiny: restraint, generous reciprocity, pays into common security
    // (seeds/000 §1 "seek our own security through common security").
    catalogue.addDoctrine(DoctrineDef{"common-security-builder",
                                      "restraint and generous reciprocity; pays into common security; backs norms",
                                      "GTFT",
                                      {},
                                      0.45,
                                      0.05,
                                      0.5,
                                      0.2,
                                      0.0,
                                      0.35,
                                      0.05,
                                      0.6,
                                      false});
    // The classic realist: reciprocates, hedges by arming when distrust rises.
    catalogue.addDoctrine(DoctrineDef{"realist-hedger",
                                      "tit-for-tat; arms in proportion to distrust",
                                      "TitForTat",
                                      {},
                                      0.45,
                                      0.3,
                                      0.25,
                                      0.6,
                                      0.05,
                                      0.1,
                                      0.3,
                                      0.4,
                                      false});
    // Zero-sum mentality: intrusion, surveillance and offensive build-up (seeds/000 §1 "discard the zero-sum
    // mentality").
    catalogue.addDoctrine(DoctrineDef{"zero-sum-hegemon",
                                      "intrudes whenever it can; surveils; arms heavily",
                                      "Defector",
                                      {},
                                      0.3,
                                      0.65,
                                      0.05,
                                      0.8,
                                      0.6,
                                      -0.3,
                                      0.9,
                                      0.2,
                                      false});
    // Free rider: cooperative in dyads, contributes nothing to common security.
    catalogue.addDoctrine(DoctrineDef{"free-rider",
                                      "cooperates in dyads but contributes nothing to common security",
                                      "TitForTat",
                                      {},
                                      0.7,
                                      0.3,
                                      0.0,
                                      0.2,
                                      0.0,
                                      0.0,
                                      0.4,
                                      0.1,
                                      false});
    // Isolationist: defends, stays out; retaliates only against repeated hostility.
    catalogue.addDoctrine(DoctrineDef{"isolationist",
                                      "mostly defends; forgives single hostile acts",
                                      "TitFor2Tats",
                                      {},
                                      0.85,
                                      0.1,
                                      0.05,
                                      0.3,
                                      0.0,
                                      -0.1,
                                      0.1,
                                      0.1,
                                      false});
    // Norm entrepreneur: pushes norms, punishes violators (Finnemore and Sikkink 1998).
    catalogue.addDoctrine(DoctrineDef{"norm-entrepreneur",
                                      "champions norms and punishes violations; forgiving",
                                      "WinStayLoseShift",
                                      {},
                                      0.45,
                                      0.1,
                                      0.45,
                                      0.3,
                                      0.0,
                                      0.45,
                                      0.0,
                                      0.9,
                                      false});
    // Hypocrite: accuses in public what it does in secret (seeds/000 §2 "double standards").
    catalogue.addDoctrine(DoctrineDef{"hypocrite",
                                      "surveils in secret and accuses others in public",
                                      "TitForTat",
                                      {},
                                      0.4,
                                      0.4,
                                      0.2,
                                      0.5,
                                      0.5,
                                      0.2,
                                      0.6,
                                      0.7,
                                      true});
    // Plain doctrines let any classic strategy play in a world (budget neutral, no surveillance).
    for (const auto* info : catalogue.strategies())
    {
        DoctrineDef plain;
        plain.name = "strategy:" + info->name;
        plain.description = "plays " + info->name + " in every dyad; neutral budget; no surveillance";
        plain.strategy = info->name;
        catalogue.addDoctrine(plain);
    }
}

} // namespace cybersim::agents
