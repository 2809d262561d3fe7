// SPDX-License-Identifier: GPL-3.0-or-later
// TPU slice topologies: parsing, the rules of each generation, enumeration and host layout.
#include "slice.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace cw::tpu {

namespace {

constexpr int kMaxAxis = 100000;

bool isAscending(const std::vector<int>& d)
{
    return std::is_sorted(d.begin(), d.end());
}

bool tiles(const Topology& block, const Topology& t)
{
    if (block.rank() != t.rank())
        return false;
    for (int i = 0; i < t.rank(); ++i) {
        if (block.dims[size_t(i)] <= 0 || t.dims[size_t(i)] % block.dims[size_t(i)] != 0)
            return false;
    }
    return true;
}

std::vector<Topology> smallShapes(const catalog::TpuGeneration& g)
{
    std::vector<Topology> out;
    for (const auto& s : g.torus3d ? g.smallTopologies3d : g.topologies2d) {
        if (auto t = parseTopology(s))
            out.push_back(*t);
    }
    return out;
}

bool isSmallShape(const catalog::TpuGeneration& g, const Topology& t)
{
    const auto small = smallShapes(g);
    return std::find(small.begin(), small.end(), t) != small.end();
}

long long maxTopologyChips(const catalog::TpuGeneration& g)
{
    if (auto t = parseTopology(g.maxTopology))
        return t->chips();
    return 0;
}

long long cubeChips(const catalog::TpuGeneration& g)
{
    return static_cast<long long>(g.cubeEdge) * g.cubeEdge * g.cubeEdge;
}

std::string joinTopologies(const std::vector<Topology>& ts)
{
    std::string s;
    for (const auto& t : ts)
        s += (s.empty() ? "" : ", ") + t.text();
    return s;
}

std::vector<HostLayout> layoutsOf(const catalog::TpuGeneration& g, const Topology& t)
{
    std::vector<HostLayout> single, multi;
    const long long chips = t.chips();
    for (const auto& m : g.machineTypes) {
        const auto shape = parseTopology(m.hostShape);
        if (!shape || shape->rank() != t.rank() || shape->chips() != m.chips || !tiles(*shape, t))
            continue;
        HostLayout l;
        l.machineType = m.name;
        l.chipsPerHost = m.chips;
        l.hostShape = *shape;
        l.shapeConfidence = m.hostShapeConfidence;
        for (int i = 0; i < t.rank(); ++i)
            l.hostGrid.dims.push_back(t.dims[size_t(i)] / shape->dims[size_t(i)]);
        l.hosts = int(chips / m.chips);
        if (m.chips == chips) {
            l.scope = g.physicalHostChips > 0 && m.chips < g.physicalHostChips ? Scope::SubHost : Scope::SingleHost;
            single.push_back(l);
        } else if (m.multiHost && chips > m.chips) {
            l.scope = Scope::MultiHost;
            multi.push_back(l);
        }
    }
    single.insert(single.end(), multi.begin(), multi.end());
    return single;
}

// Why t is not a valid topology of g, as a diagnostic; empty code when it is valid.
struct Verdict {
    std::string code;
    std::vector<std::string> args;
};

Verdict judge(const catalog::TpuGeneration& g, const Topology& t)
{
    const std::string text = t.text();
    const int rank = g.torus3d ? 3 : 2;
    if (t.rank() != rank) {
        const auto small = smallShapes(g);
        return {"CW402", {text, g.name, std::to_string(rank), rank == 3 ? "AxBxC" : "AxB",
                          small.empty() ? "" : small.back().text()}};
    }
    if (!g.torus3d) {
        if (isSmallShape(g, t))
            return {};
        return {"CW403", {text, g.name, joinTopologies(smallShapes(g))}};
    }
    if (isSmallShape(g, t))
        return {};
    const int edge = g.cubeEdge;
    for (int d : t.dims) {
        if (edge <= 0 || d % edge != 0) {
            return {"CW404", {text, g.name, joinTopologies(smallShapes(g)), std::to_string(edge)}};
        }
    }
    if (g.ascendingDimensions && !isAscending(t.dims)) {
        Topology sorted = t;
        std::sort(sorted.dims.begin(), sorted.dims.end());
        return {"CW405", {text, g.name, sorted.text()}};
    }
    for (int d : t.dims) {
        if (g.maxDimension > 0 && d > g.maxDimension)
            return {"CW408", {text, g.name, std::to_string(d), std::to_string(g.maxDimension)}};
    }
    const long long cubes = t.chips() / cubeChips(g);
    const long long maxChips = maxTopologyChips(g);
    if (maxChips > 0 && t.chips() > maxChips) {
        return {"CW407", {text, g.name, std::to_string(t.chips()), g.maxTopology, std::to_string(maxChips)}};
    }
    if (g.maxCubes && cubes > *g.maxCubes) {
        return {"CW406", {text, g.name, std::to_string(cubes), std::to_string(cubeChips(g)), std::to_string(*g.maxCubes)}};
    }
    return {};
}

// How far a shape is from a cube (3D) or a square (2D): the sum of its axes.
long long spread(const Topology& t)
{
    long long s = 0;
    for (int d : t.dims)
        s += d;
    return s;
}

bool better(const Topology& a, const Topology& b)
{
    const long long sa = spread(a), sb = spread(b);
    if (sa != sb)
        return sa < sb;
    const bool aa = isAscending(a.dims), ab = isAscending(b.dims);
    if (aa != ab)
        return aa;
    return a.dims < b.dims;
}

// The valid topologies with a chip count, best first, without building their slices.
std::vector<Topology> shapesWithChips(const catalog::TpuGeneration& g, long long chips)
{
    std::vector<Topology> out;
    if (chips <= 0)
        return out;
    for (const auto& t : smallShapes(g)) {
        if (t.chips() == chips && judge(g, t).code.empty())
            out.push_back(t);
    }
    if (g.torus3d && g.cubeEdge > 0 && chips % cubeChips(g) == 0) {
        const long long cubes = chips / cubeChips(g);
        if (cubes <= cubeLimit(g)) {
            const int e = g.cubeEdge;
            const long long maxAxis = g.maxDimension > 0 ? g.maxDimension / e : cubes;
            for (long long a = 1; a <= cubes && a <= maxAxis; ++a) {
                if (cubes % a)
                    continue;
                for (long long b = 1; b <= cubes / a && b <= maxAxis; ++b) {
                    if ((cubes / a) % b)
                        continue;
                    const long long c = cubes / a / b;
                    if (c > maxAxis || (g.ascendingDimensions && !(a <= b && b <= c)))
                        continue;
                    Topology t{{int(a * e), int(b * e), int(c * e)}};
                    if (std::find(out.begin(), out.end(), t) == out.end())
                        out.push_back(std::move(t));
                }
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Topology& x, const Topology& y) { return better(x, y); });
    return out;
}

// Axes two shapes have in common, counted as multisets of lengths.
int commonAxes(const Topology& a, const Topology& b)
{
    std::multiset<int> rest(b.dims.begin(), b.dims.end());
    int n = 0;
    for (int d : a.dims) {
        auto it = rest.find(d);
        if (it != rest.end()) {
            rest.erase(it);
            ++n;
        }
    }
    return n;
}

} // namespace

long long Topology::chips() const
{
    if (dims.empty())
        return 0;
    long long n = 1;
    for (int d : dims)
        n *= d;
    return n;
}

std::string Topology::text() const
{
    std::string s;
    for (size_t i = 0; i < dims.size(); ++i)
        s += (i ? "x" : "") + std::to_string(dims[i]);
    return s;
}

std::optional<Topology> parseTopology(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    Topology t;
    size_t i = 0;
    while (true) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9')
            return std::nullopt;
        long v = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            v = v * 10 + (text[i] - '0');
            if (v > kMaxAxis)
                return std::nullopt;
            ++i;
        }
        if (v <= 0)
            return std::nullopt;
        t.dims.push_back(int(v));
        if (i == text.size())
            break;
        if (text[i] != 'x' && text[i] != 'X')
            return std::nullopt;
        ++i;
    }
    if (t.dims.size() < 2 || t.dims.size() > 3)
        return std::nullopt;
    return t;
}

const char* toString(Scope s)
{
    switch (s) {
    case Scope::SubHost: return "sub-host";
    case Scope::SingleHost: return "single-host";
    case Scope::MultiHost: return "multi-host";
    }
    return "single-host";
}

int HostLayout::workerOf(ChipCoord c) const
{
    if (hostShape.rank() < 2 || hostGrid.rank() != hostShape.rank())
        return 0;
    const int hx = c.x / hostShape.dims[0];
    const int hy = c.y / hostShape.dims[1];
    const int hz = hostShape.rank() == 3 ? c.z / hostShape.dims[2] : 0;
    return hx + hostGrid.dims[0] * (hy + hostGrid.dims[1] * hz);
}

ChipCoord HostLayout::hostOrigin(int worker) const
{
    if (hostShape.rank() < 2 || hostGrid.rank() != hostShape.rank())
        return {};
    const int gx = hostGrid.dims[0], gy = hostGrid.dims[1];
    ChipCoord c;
    c.x = (worker % gx) * hostShape.dims[0];
    c.y = ((worker / gx) % gy) * hostShape.dims[1];
    if (hostShape.rank() == 3)
        c.z = (worker / (gx * gy)) * hostShape.dims[2];
    return c;
}

std::vector<ChipCoord> HostLayout::chipsOf(int worker) const
{
    std::vector<ChipCoord> out;
    if (hostShape.rank() < 2)
        return out;
    const ChipCoord o = hostOrigin(worker);
    const int sz = hostShape.rank() == 3 ? hostShape.dims[2] : 1;
    for (int z = 0; z < sz; ++z) {
        for (int y = 0; y < hostShape.dims[1]; ++y) {
            for (int x = 0; x < hostShape.dims[0]; ++x)
                out.push_back({o.x + x, o.y + y, o.z + z});
        }
    }
    return out;
}

const HostLayout* Slice::layoutFor(std::string_view machineType) const
{
    for (const auto& l : layouts) {
        if (l.machineType == machineType)
            return &l;
    }
    return nullptr;
}

bool Slice::hasWraparound() const
{
    return std::find(wraparound.begin(), wraparound.end(), true) != wraparound.end();
}

std::string Slice::wraparoundText() const
{
    static const char* axes[] = {"x", "y", "z"};
    std::string s;
    for (size_t i = 0; i < wraparound.size() && i < 3; ++i) {
        if (wraparound[i])
            s += (s.empty() ? "" : " ") + std::string(axes[i]);
    }
    return s.empty() ? "none" : s;
}

int cubeLimit(const catalog::TpuGeneration& g)
{
    if (!g.torus3d || g.cubeEdge <= 0)
        return 0;
    long long limit = g.maxCubes.value_or(0);
    if (const long long maxChips = maxTopologyChips(g); maxChips > 0) {
        const long long byTopology = maxChips / cubeChips(g);
        limit = limit > 0 ? std::min(limit, byTopology) : byTopology;
    }
    return int(limit);
}

std::string sliceName(const catalog::TpuGeneration& g, long long chips)
{
    const long long n = g.nameCountsTensorCores ? chips * g.tensorCoresPerChip : chips;
    return g.slicePrefix() + "-" + std::to_string(n);
}

std::optional<Slice> describe(const catalog::TpuGeneration& g, const Topology& t)
{
    if (!judge(g, t).code.empty())
        return std::nullopt;
    Slice s;
    s.generation = &g;
    s.topology = t;
    s.chips = t.chips();
    s.tensorCores = s.chips * g.tensorCoresPerChip;
    s.name = sliceName(g, s.chips);
    s.layouts = layoutsOf(g, t);
    if (s.layouts.empty())
        return std::nullopt;
    if (g.torus3d && !isSmallShape(g, t) && g.cubeEdge > 0)
        s.cubes = int(s.chips / cubeChips(g));
    for (int d : t.dims) {
        bool wrap = false;
        switch (g.wraparound) {
        case catalog::TpuWraparound::None: wrap = false; break;
        case catalog::TpuWraparound::FullCubes: wrap = s.cubes > 0; break;
        case catalog::TpuWraparound::AxisLength: wrap = d == g.wraparoundAxisLength; break;
        }
        s.wraparound.push_back(wrap);
    }
    if (g.twistedTorus && t.rank() == 3 && s.cubes > 0) {
        std::vector<int> d = t.dims;
        std::sort(d.begin(), d.end());
        // 2A = B = C (4x8x8) or 2A = 2B = C (4x4x8), with A ≤ B ≤ C.
        s.twisted = (2 * d[0] == d[1] && d[1] == d[2]) || (d[0] == d[1] && 2 * d[1] == d[2]);
    }
    return s;
}

std::vector<Slice> topologiesWithChips(const catalog::TpuGeneration& g, long long chips)
{
    std::vector<Slice> out;
    for (const auto& t : shapesWithChips(g, chips)) {
        if (auto s = describe(g, t))
            out.push_back(std::move(*s));
    }
    return out;
}

std::vector<long long> validChipCounts(const catalog::TpuGeneration& g)
{
    std::set<long long> counts;
    for (const auto& t : smallShapes(g)) {
        if (judge(g, t).code.empty())
            counts.insert(t.chips());
    }
    if (g.torus3d && g.cubeEdge > 0) {
        const long long maxAxis = g.maxDimension > 0 ? g.maxDimension / g.cubeEdge : cubeLimit(g);
        for (long long cubes = 1; cubes <= cubeLimit(g); ++cubes) {
            // A count of cubes is a slice when it splits into three factors no longer than an axis.
            bool found = false;
            for (long long a = 1; a <= maxAxis && !found; ++a) {
                if (cubes % a)
                    continue;
                for (long long b = 1; b <= maxAxis && !found; ++b)
                    found = (cubes / a) % b == 0 && cubes / a / b <= maxAxis;
            }
            if (found)
                counts.insert(cubes * cubeChips(g));
        }
    }
    return {counts.begin(), counts.end()};
}

std::vector<Slice> nearestTopologies(const catalog::TpuGeneration& g, const Topology& t, size_t count)
{
    const long long chips = std::max(1LL, t.chips());
    struct Candidate {
        Topology topology;
        long long chips;
        int tier;        // 0: same chips
        int missing;     // axes of t it does not keep
        double distance; // |log2(chips ratio)|
        size_t rank;     // position among the topologies of its chip count
    };
    std::vector<Candidate> candidates;
    const auto counts = validChipCounts(g);
    // Sizes within a factor of 8 first; all sizes when that gives too few.
    for (double limit : {3.0, 1e9}) {
        candidates.clear();
        size_t sizes = 0;
        for (long long n : counts) {
            const double distance = std::fabs(std::log2(double(n) / double(chips)));
            if (n != chips && distance > limit)
                continue;
            const auto shapes = shapesWithChips(g, n);
            bool any = false;
            for (size_t i = 0; i < shapes.size(); ++i) {
                if (shapes[i] == t)
                    continue;
                candidates.push_back({shapes[i], n, n == chips ? 0 : 1, t.rank() - commonAxes(t, shapes[i]), distance, i});
                any = true;
            }
            sizes += any ? 1 : 0;
        }
        if (sizes >= count)
            break;
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.tier != b.tier)
            return a.tier < b.tier;
        if (a.tier == 0)
            return a.rank < b.rank;
        if (a.missing != b.missing)
            return a.missing < b.missing;
        if (a.distance != b.distance)
            return a.distance < b.distance;
        if (a.chips != b.chips)
            return a.chips < b.chips;
        return a.rank < b.rank;
    });
    std::vector<Slice> out;
    for (const auto& c : candidates) {
        if (out.size() >= count)
            break;
        // One shape per chip count keeps the list varied (v4's permutations of one shape
        // are the same slice turned around).
        if (std::any_of(out.begin(), out.end(), [&](const Slice& s) { return s.chips == c.chips; }))
            continue;
        if (auto s = describe(g, c.topology))
            out.push_back(std::move(*s));
    }
    return out;
}

std::string listWithChips(const std::vector<Slice>& slices)
{
    std::string s;
    for (const auto& x : slices)
        s += (s.empty() ? "" : ", ") + x.topology.text() + " (" + std::to_string(x.chips) + " chips)";
    return s.empty() ? "none" : s;
}

TopologyCheck checkTopology(const catalog::TpuGeneration& g, std::string_view text)
{
    TopologyCheck r;
    const auto t = parseTopology(text);
    if (!t) {
        r.problems.add("CW401", {}, {std::string(text)});
        return r;
    }
    const Verdict v = judge(g, *t);
    if (v.code.empty()) {
        r.slice = describe(g, *t);
        if (!r.slice)
            r.problems.add("CW409", {}, {g.name, t->text()});
        return r;
    }
    r.nearest = nearestTopologies(g, *t);
    std::vector<std::string> args = v.args;
    args.push_back(listWithChips(r.nearest));
    r.problems.add(v.code, {}, std::move(args));
    return r;
}

} // namespace cw::tpu
