// SPDX-License-Identifier: MIT
// What a run reports: world metrics per round, per-state figures per round, and the log of notable events.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cybersim::engine
{

/// World-level outcomes of one round (docs/model.md "Outcomes"). Counts are of directed acts unless stated.
struct WorldMetrics
{
    int round = 0;                    // 0-based round these figures describe
    double cooperationRate = 0.0;     // share of dyadic acts that were cooperative, [0,1]
    double meanTrust = 0.0;           // mean of T_ij over related pairs, [0,1]
    double trustSpread = 0.0;         // standard deviation of T_ij
    double polarisation = 0.0;        // mean trust within blocs minus between blocs (0 without blocs)
    double totalArms = 0.0;           // sum of offensive capability K
    double escalationIndex = 0.0;     // total arms relative to round 0 (1 = unchanged)
    double stabilityEigenvalue = 0.0; // largest eigenvalue of the linearised arms system; > 0 = runaway race
    double totalDefence = 0.0;        // sum of defence D
    int attacks = 0;                  // hostile acts (defections)
    int intrusions = 0;               // hostile acts that succeeded (sovereignty violations)
    int accusations = 0;              // public accusations made this round
    int groundlessAccusations = 0;    // accusations of states that had in fact cooperated
    int surveillanceActive = 0;       // states running mass surveillance this round
    int disclosures = 0;              // surveillance programmes disclosed this round
    double threatStock = 0.0;         // H, the non-state threat (cyber crime, terrorism)
    double contributions = 0.0;       // total contributed to common security this round
    double contributionRatio = 0.0;   // contributions / what the threshold needs
    double commonSecurityIndex = 0.0; // 1 / (1 + H): 1 = no threat left
    int statesHit = 0;                // states that suffered a common-security loss this round
    int normsAdopted = 0;             // issues of the norm agenda adopted so far
    int normViolations = 0;           // intrusions in breach of adopted norms
    int punishments = 0;              // punishments (norms) and meta-punishments dealt
    double welfare = 0.0;             // sum of all states' payoffs this round
    double welfareGini = 0.0;         // Gini coefficient of cumulative payoffs, [0,1]
    double meanLegitimacy = 0.0;      // mean legitimacy, [0,1]
    int dilemmaDyads = 0;             // related pairs whose expected stage game is a prisoner's dilemma
    int stagHuntDyads = 0;            // ... a stag hunt
    int chickenDyads = 0;             // ... chicken (hawk-dove)
    int harmonyDyads = 0;             // ... a harmony game
    int activeStates = 0;             // states taking part (all but those yet to join)
    double meanBoldness = 0.0;        // mean propensity to violate norms (Axelrod 1986), [0,1]
    double meanVengefulness = 0.0;    // mean propensity to punish violations (Axelrod 1986), [0,1]
    double groupCooperation = 0.0;    // share of active states cooperating in the group game (0 without one), [0,1]
    double groupSuccess = 0.0;        // collective risk: share of this round's groups with at least M cooperators (the
                                      // expected share for all-groups; Santos and Pacheco 2011's eta_G), else 0; [0,1]
};

/// One state's figures in one round.
struct StateMetrics
{
    double payoff = 0.0;           // payoff this round
    double cumulativePayoff = 0.0; // payoff summed since round 0
    double trustReceived = 0.0;    // mean trust neighbours place in this state
    double trustGiven = 0.0;       // mean trust this state places in its neighbours
    double arms = 0.0;             // offensive capability K
    double defence = 0.0;          // defence D
    double legitimacy = 1.0;       // standing in the eyes of others, [0,1]
    double cooperation = 0.0;      // share of this state's acts that were cooperative
    std::int32_t doctrine = 0;     // index into Simulation::doctrineNames()
    bool surveilling = false;      // ran mass surveillance this round
    bool active = true;            // taking part this round (false until a scheduled join); default true
};

/// Kinds of notable event written to events.csv and shown in the GUI's log.
enum class EventType : std::uint8_t
{
    Disclosure,     // a surveillance programme became public
    Incident,       // a major incident attributed to a state
    NormAdopted,    // an issue of the norm agenda became a norm
    Join,           // a state joined the world
    Alliance,       // two states allied
    Summit,         // an extra norm vote was held
    ParameterSet,   // a scheduled parameter change
    Runaway,        // the arms race crossed the runaway level (first round only)
    Shortfall,      // common-security contributions fell short of the threshold (first round of a spell)
    DoctrineChange, // a state adopted another doctrine by learning
};

/// The event type's name as written to files, kebab-case.
[[nodiscard]] std::string_view eventTypeName(EventType type) noexcept;

/// A notable event. `actor`/`target` are state indices, or -1 when not applicable.
struct EventRecord
{
    int round = 0;
    EventType type = EventType::Disclosure;
    std::int32_t actor = -1;
    std::int32_t target = -1;
    double value = 0.0; // kind-specific: severity, the new value, the difficulty...
    std::string detail; // short human-readable text
};

} // namespace cybersim::engine
