// SPDX-License-Identifier: MIT
// Builds a World from a Scenario: generated states, the relations network (Boost.Graph), CSV matrices, trust.
#include "cybersim/engine/world.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/rng.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/erdos_renyi_generator.hpp>
#include <boost/graph/small_world_generator.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

namespace cybersim::engine
{

namespace
{

// A stateful view of the counter-based generator, for Boost.Graph's generators (which need a URBG). Boost's own
// distributions are used there; they are fixed code, so the graphs are the same on every platform.
class StreamEngine
{
public:
    using result_type = std::uint64_t;
    StreamEngine(std::uint64_t seed, std::uint64_t stream) : m_rng(seed), m_stream(stream) {}
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return ~result_type{0}; }
    result_type operator()() { return m_rng.bits(m_counter++, m_stream, 0, core::Purpose::Network); }
    double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }

private:
    core::CounterRng m_rng;
    std::uint64_t m_stream;
    std::uint64_t m_counter = 0;
};

struct EdgeWeight
{
    double weight = 1.0;
};
// setS: parallel edges are impossible, so rewired or repeated edges collapse into one relation.
using Graph = boost::adjacency_list<boost::setS, boost::vecS, boost::undirectedS, boost::no_property, EdgeWeight>;

// Adds a relation unless it exists (a generator may propose a pair twice); the first weight stays.
void addRelation(Graph& g, std::size_t a, std::size_t b, double w)
{
    if (a == b)
        return;
    const auto [edge, inserted] = boost::add_edge(a, b, g);
    if (inserted)
        g[edge].weight = w;
}

void setRelation(Graph& g, std::size_t a, std::size_t b, double w)
{
    if (a == b)
        return;
    const auto [edge, inserted] = boost::add_edge(a, b, g);
    (void)inserted;
    g[edge].weight = w;
}

double standardNormal(StreamEngine& engine)
{
    // Box-Muller with our own uniforms: std distributions differ between standard libraries (STYLE F).
    const double u1 = 1.0 - engine.uniform();
    const double u2 = engine.uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

std::size_t latticeWidth(const scenario::Scenario& scenario, std::size_t n)
{
    return scenario.network.width > 0 ? static_cast<std::size_t>(scenario.network.width)
                                      : static_cast<std::size_t>(std::llround(std::sqrt(double(n))));
}

// The last doctrine's `count` states form a centred square block of a width-wide grid (a single site for one, a
// 2x2 block for four: the classic invasions of Nowak and May 1992); the others fill the rest in random order.
void placeInCentre(std::vector<std::int32_t>& assigned, std::size_t count, std::int32_t centreDoctrine,
                   std::size_t width, StreamEngine& engine)
{
    const std::size_t n = assigned.size();
    std::vector<std::int32_t> others(assigned.begin(), assigned.end() - static_cast<std::ptrdiff_t>(count));
    for (std::size_t i = others.size(); i > 1; --i)
        std::swap(others[i - 1], others[engine() % i]);
    const std::size_t height = width == 0 ? 0 : n / width;
    const auto side = static_cast<std::size_t>(std::ceil(std::sqrt(double(count))));
    const std::size_t x0 = width > side ? (width - side) / 2 : 0, y0 = height > side ? (height - side) / 2 : 0;
    std::vector<std::uint8_t> centre(n, 0);
    std::size_t placed = 0;
    for (std::size_t y = y0; y < y0 + side && placed < count; ++y)
        for (std::size_t x = x0; x < x0 + side && placed < count; ++x)
            if (y * width + x < n)
            {
                centre[y * width + x] = 1;
                ++placed;
            }
    std::size_t next = 0;
    for (std::size_t i = 0; i < n; ++i)
        assigned[i] = centre[i] ? centreDoctrine : (next < others.size() ? others[next++] : centreDoctrine);
}

void generateStates(const scenario::Scenario& scenario, World& world,
                    std::map<std::string, std::int32_t>& doctrineIndex, StreamEngine& engine)
{
    const auto& gen = scenario.generate;
    if (gen.count <= 0)
        return;
    const auto n = static_cast<std::size_t>(gen.count);
    std::vector<std::int32_t> assigned(n, 0);
    double totalShare = 0.0;
    for (double s : gen.doctrineShares)
        totalShare += s;
    std::vector<std::int32_t> ids;
    for (const auto& d : gen.doctrines)
        ids.push_back(doctrineIndex.at(d));
    // Largest-remainder apportionment makes the doctrine counts match the shares as closely as integers allow.
    std::vector<std::size_t> counts(ids.size(), 0);
    if (!ids.empty())
    {
        std::size_t given = 0;
        std::vector<std::pair<double, std::size_t>> remainders;
        for (std::size_t k = 0; k < ids.size(); ++k)
        {
            const double share = totalShare > 0 ? gen.doctrineShares[k] / totalShare : 1.0 / double(ids.size());
            const double exact = share * double(n);
            counts[k] = static_cast<std::size_t>(std::floor(exact));
            given += counts[k];
            remainders.emplace_back(-(exact - std::floor(exact)), k);
        }
        std::sort(remainders.begin(), remainders.end());
        for (std::size_t r = 0; given < n; ++r, ++given)
            ++counts[remainders[r % remainders.size()].second];
        std::size_t at = 0;
        for (std::size_t k = 0; k < ids.size(); ++k)
            for (std::size_t c = 0; c < counts[k]; ++c)
                assigned[at++] = ids[k];
        if (gen.placement == scenario::Placement::Shuffled)
            for (std::size_t i = n - 1; i > 0; --i)
                std::swap(assigned[i], assigned[engine() % (i + 1)]);
        else if (gen.placement == scenario::Placement::Centre)
            placeInCentre(assigned, counts.back(), ids.back(), latticeWidth(scenario, n), engine);
    }
    for (int b = 0; b < gen.blocs; ++b)
        world.blocNames.push_back("bloc-" + std::to_string(b + 1));
    const double meanV = gen.ictDependenceMean;
    const double halfWidthV = std::min(meanV, 1.0 - meanV);
    for (std::size_t i = 0; i < n; ++i)
    {
        StateInit s;
        char name[16];
        std::snprintf(name, sizeof name, "S%03zu", world.states.size() + 1);
        s.name = name;
        s.bloc = gen.blocs > 0 ? static_cast<std::int32_t>(i % static_cast<std::size_t>(gen.blocs)) : -1;
        const double se = gen.economicWeightSpread, sk = gen.capabilitySpread;
        s.economicWeight = std::exp(se * standardNormal(engine) - 0.5 * se * se);
        s.capability = std::exp(sk * standardNormal(engine) - 0.5 * sk * sk);
        s.defence = s.capability * (0.5 + engine.uniform());
        s.ictDependence = meanV + (2.0 * engine.uniform() - 1.0) * halfWidthV;
        s.budget = s.economicWeight;
        s.doctrine = ids.empty() ? 0 : assigned[i];
        world.states.push_back(std::move(s));
    }
}

void generateNetwork(const scenario::Scenario& scenario, std::size_t n, Graph& g, StreamEngine& engine)
{
    const auto& net = scenario.network;
    const double w = net.weight;
    switch (net.kind)
    {
    case scenario::NetworkKind::Complete:
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b)
                addRelation(g, a, b, w);
        break;
    case scenario::NetworkKind::Ring:
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t d = 1; d <= static_cast<std::size_t>(net.degree / 2); ++d)
                addRelation(g, a, (a + d) % n, w);
        break;
    case scenario::NetworkKind::Lattice:
    {
        const std::size_t width = latticeWidth(scenario, n);
        const std::size_t height = width == 0 ? 0 : n / width;
        const bool moore = net.neighbourhood == scenario::Neighbourhood::Moore;
        for (std::size_t y = 0; y < height; ++y)
            for (std::size_t x = 0; x < width; ++x)
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx)
                    {
                        if ((dx == 0 && dy == 0) || (!moore && dx != 0 && dy != 0))
                            continue;
                        long nx = long(x) + dx, ny = long(y) + dy;
                        if (net.periodic)
                        {
                            nx = (nx + long(width)) % long(width);
                            ny = (ny + long(height)) % long(height);
                        }
                        else if (nx < 0 || ny < 0 || nx >= long(width) || ny >= long(height))
                            continue;
                        addRelation(g, y * width + x, std::size_t(ny) * width + std::size_t(nx), w);
                    }
        break;
    }
    case scenario::NetworkKind::ErdosRenyi:
    {
        using Generator = boost::sorted_erdos_renyi_iterator<StreamEngine, Graph>;
        for (Generator it(engine, n, net.edgeProbability), end; it != end; ++it)
            addRelation(g, it->first, it->second, w);
        break;
    }
    case scenario::NetworkKind::WattsStrogatz:
    {
        using Generator = boost::small_world_iterator<StreamEngine, Graph>;
        for (Generator it(engine, n, static_cast<std::size_t>(net.degree), net.rewire), end; it != end; ++it)
            addRelation(g, it->first, it->second, w);
        break;
    }
    case scenario::NetworkKind::BarabasiAlbert:
    {
        // Preferential attachment (Barabasi and Albert 1999): a seed clique of m+1 states, then each newcomer links
        // to m distinct existing states chosen with probability proportional to degree (the endpoint-list method).
        const std::size_t m = static_cast<std::size_t>(net.attach);
        std::vector<std::size_t> endpoints;
        const std::size_t seedSize = std::min(n, m + 1);
        for (std::size_t a = 0; a < seedSize; ++a)
            for (std::size_t b = a + 1; b < seedSize; ++b)
            {
                addRelation(g, a, b, w);
                endpoints.push_back(a);
                endpoints.push_back(b);
            }
        for (std::size_t v = seedSize; v < n; ++v)
        {
            std::vector<std::size_t> chosen;
            while (chosen.size() < m)
            {
                const std::size_t t = endpoints[engine() % endpoints.size()];
                if (std::find(chosen.begin(), chosen.end(), t) == chosen.end())
                    chosen.push_back(t);
            }
            for (std::size_t t : chosen)
            {
                addRelation(g, v, t, w);
                endpoints.push_back(v);
                endpoints.push_back(t);
            }
        }
        break;
    }
    case scenario::NetworkKind::Explicit:
        break;
    }
}

} // namespace

std::int64_t World::findEdge(std::uint32_t i, std::uint32_t j) const noexcept
{
    const auto begin = partner.begin() + offsets[i], end = partner.begin() + offsets[i + 1];
    const auto it = std::lower_bound(begin, end, j);
    return it != end && *it == j ? std::int64_t(it - partner.begin()) : -1;
}

std::int32_t World::findState(std::string_view name) const noexcept
{
    for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i].name == name)
            return static_cast<std::int32_t>(i);
    return -1;
}

World buildWorld(const scenario::Scenario& scenario, const core::Catalogue& catalogue, std::uint64_t seed)
{
    World world;
    std::map<std::string, std::int32_t> doctrineIndex;
    auto internDoctrine = [&](const std::string& name)
    {
        if (!catalogue.resolveDoctrine(name, scenario.game.actions))
            throw ConfigError("unknown doctrine '" + name + "'");
        const auto [it, inserted] = doctrineIndex.emplace(name, static_cast<std::int32_t>(world.doctrines.size()));
        if (inserted)
            world.doctrines.push_back(name);
        return it->second;
    };
    std::map<std::string, std::int32_t> blocIndex;
    for (const auto& def : scenario.states)
    {
        StateInit s;
        s.name = def.name;
        if (!def.bloc.empty())
        {
            const auto [it, inserted] = blocIndex.emplace(def.bloc, static_cast<std::int32_t>(world.blocNames.size()));
            if (inserted)
                world.blocNames.push_back(def.bloc);
            s.bloc = it->second;
        }
        s.economicWeight = def.economicWeight;
        s.ictDependence = def.ictDependence;
        s.capability = def.capability;
        s.defence = def.defence;
        s.budget = def.budget;
        s.doctrine = internDoctrine(def.doctrine);
        s.strategy = def.strategy;
        s.strategyParams = def.strategyParams;
        world.states.push_back(std::move(s));
    }
    for (const auto& d : scenario.generate.doctrines)
        internDoctrine(d);
    StreamEngine engine(seed, 1);
    const std::int32_t blocOffset = static_cast<std::int32_t>(world.blocNames.size());
    const std::size_t firstGenerated = world.states.size();
    generateStates(scenario, world, doctrineIndex, engine);
    for (std::size_t i = firstGenerated; i < world.states.size(); ++i)
        if (world.states[i].bloc >= 0)
            world.states[i].bloc += blocOffset;
    if (world.doctrines.empty())
        internDoctrine(scenario::StateDef{}.doctrine);
    for (auto& s : world.states)
        if (s.strategy.empty())
        {
            const auto doctrine =
                catalogue.resolveDoctrine(world.doctrines[static_cast<std::size_t>(s.doctrine)], scenario.game.actions);
            s.strategy = doctrine->strategy;
            s.strategyParams = doctrine->strategyParams;
        }
    for (const auto& e : scenario.events)
        if (e.kind == scenario::EventKind::Join)
            if (const auto i = world.findState(e.state); i >= 0)
                world.states[static_cast<std::size_t>(i)].activeAtStart = false;

    const std::size_t n = world.states.size();
    Graph g(n);
    StreamEngine networkEngine(seed, 2);
    generateNetwork(scenario, n, g, networkEngine);
    const auto& im = scenario.network.interdependence;
    if (!im.values.empty())
    {
        const std::size_t k = im.names.size();
        for (std::size_t r = 0; r < k; ++r)
            for (std::size_t c = r + 1; c < k; ++c)
            {
                const double w = 0.5 * (im.values[r * k + c] + im.values[c * k + r]);
                const auto a = world.findState(im.names[r]), b = world.findState(im.names[c]);
                if (w > 0.0 && a >= 0 && b >= 0)
                    setRelation(g, std::size_t(a), std::size_t(b), std::min(1.0, w));
            }
    }
    for (const auto& e : scenario.network.edges)
    {
        const auto a = world.findState(e.a), b = world.findState(e.b);
        if (a >= 0 && b >= 0)
            setRelation(g, std::size_t(a), std::size_t(b), e.weight);
    }

    // Compressed adjacency, each state's partners sorted, so every later loop runs in a fixed order.
    world.offsets.assign(n + 1, 0);
    std::vector<std::pair<std::uint32_t, double>> incident;
    for (std::size_t i = 0; i < n; ++i)
    {
        incident.clear();
        for (auto [it, end] = boost::out_edges(i, g); it != end; ++it)
            incident.emplace_back(static_cast<std::uint32_t>(boost::target(*it, g)), g[*it].weight);
        std::sort(incident.begin(), incident.end());
        world.offsets[i + 1] = world.offsets[i] + static_cast<std::uint32_t>(incident.size());
        for (const auto& [j, w] : incident)
        {
            world.partner.push_back(j);
            world.weight.push_back(w);
        }
    }
    world.reverse.resize(world.partner.size());
    for (std::uint32_t i = 0; i < n; ++i)
        for (auto e = world.offsets[i]; e < world.offsets[i + 1]; ++e)
            world.reverse[e] = static_cast<std::uint32_t>(world.findEdge(world.partner[e], i));

    world.allied.assign(world.partner.size(), 0);
    const auto& al = scenario.network.alliance;
    const std::size_t ka = al.names.size();
    for (std::size_t r = 0; r < ka && !al.values.empty(); ++r)
        for (std::size_t c = 0; c < ka; ++c)
            if (al.values[r * ka + c] > 0.0)
            {
                const auto a = world.findState(al.names[r]), b = world.findState(al.names[c]);
                if (a < 0 || b < 0)
                    continue;
                if (const auto e = world.findEdge(std::uint32_t(a), std::uint32_t(b)); e >= 0)
                {
                    world.allied[std::size_t(e)] = 1;
                    world.allied[world.reverse[std::size_t(e)]] = 1;
                }
            }
    world.initialTrust.assign(world.partner.size(), scenario.trust.initial);
    for (std::size_t e = 0; e < world.partner.size(); ++e)
        if (world.allied[e])
            world.initialTrust[e] = std::min(1.0, scenario.trust.initial + scenario.trust.allianceBonus);
    const auto& tm = scenario.network.trust;
    const std::size_t kt = tm.names.size();
    for (std::size_t r = 0; r < kt && !tm.values.empty(); ++r)
        for (std::size_t c = 0; c < kt; ++c)
        {
            const auto a = world.findState(tm.names[r]), b = world.findState(tm.names[c]);
            if (a < 0 || b < 0)
                continue;
            if (const auto e = world.findEdge(std::uint32_t(a), std::uint32_t(b)); e >= 0)
                world.initialTrust[std::size_t(e)] = tm.values[r * kt + c];
        }
    return world;
}

} // namespace cybersim::engine
