// SPDX-License-Identifier: MIT
// Private: the model's per-relation formulas, each written once: the cyber stage payoff and the trust updates.
//
// The vector kernels (kernels/edge_kernels.cpp) and every other path (the m-act matrix loops, asynchronous learning,
// best response, events, governance) call these, so a change to the model is made here. Each is one plain expression
// of selects, adds and multiplies, always inlined: the kernels still vectorise, and the operation order is the
// model's, so every caller gets the bits it pins (-ffp-contract=off).
#pragma once

namespace cybersim::engine::model
{

/// A state's cyber stage payoff from one relation (docs/model.md §2, "the cyber stage game"): the reward R = b w of
/// the partner's restraint, plus the gain g v_j of its own successful intrusion, less the loss l v_i of the partner's.
/// @param reward R = b w: the game's benefit scaled by the relation's weight
/// @param ownExposure, partnerExposure v_i and v_j, each state's V E
[[gnu::always_inline]] inline double cyberStagePayoff(bool partnerRestrained, bool intrusionSucceeded,
                                                      bool intrudedUpon, double reward, double gain, double loss,
                                                      double ownExposure, double partnerExposure) noexcept
{
    const double gained = gain * partnerExposure, lost = loss * ownExposure;
    return (partnerRestrained ? reward : 0.0) + (intrusionSucceeded ? gained : 0.0) - (intrudedUpon ? lost : 0.0);
}

/// What a surveilling state gains from one partner in a round (docs/model.md §2): surveillance.gain x w v_j.
[[gnu::always_inline]] inline double surveillancePayoff(double gain, double weight, double partnerExposure) noexcept
{
    return gain * weight * partnerExposure;
}

/// Trust after a step toward 1 by `rate` in [0, 1] (perceived cooperation, agreement on a norm).
[[gnu::always_inline]] inline double gainedTrust(double trust, double rate) noexcept
{
    return trust + rate * (1.0 - trust);
}

/// Trust after losing the share `share` in [0, 1] of it (perceived hostility, accusations, disclosures, incidents).
[[gnu::always_inline]] inline double lostTrust(double trust, double share) noexcept
{
    return trust - share * trust;
}

/// Trust after one perceived act: cooperation moves it toward 1 by `gainRate`, hostility toward 0 by `lossRate`, and
/// trust is lost faster than it is gained (Slovic 1993, trust asymmetry).
[[gnu::always_inline]] inline double perceivedActTrust(double trust, bool seenCooperative, double gainRate,
                                                       double lossRate) noexcept
{
    const double gained = gainedTrust(trust, gainRate), lost = lostTrust(trust, lossRate);
    return seenCooperative ? gained : lost;
}

/// Trust after the reputation effect of accusations (seeds/000 §2): lost in proportion to the accusation pressure on
/// the partner, and the share `observerPenalty` more when the partner accused this state of an act it did not commit
/// (a groundless accusation costs the accuser the trust of the accused).
[[gnu::always_inline]] inline double reputationTrust(double trust, double pressure, bool accusedGroundlessly,
                                                     double reputationWeight, double observerPenalty) noexcept
{
    const double t = lostTrust(trust, reputationWeight * pressure);
    return accusedGroundlessly ? lostTrust(t, observerPenalty) : t;
}

} // namespace cybersim::engine::model
