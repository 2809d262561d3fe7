// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the catalog: the embedded files, then user overrides merged on top by key.
#include "catalog.h"

#include "io/yamlreader.h"
#include "model/quantity.h"
#include "resources/embedded.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

namespace cw::catalog {

using io::MapReader;
using io::YamlContext;

namespace {

constexpr const char* kCatalogApiVersion = "clusterwright/catalog/v1";

// One YAML document of the catalog with the file it came from.
struct Document {
    std::string file;
    std::string kind;
    YAML::Node node;
};


bool isDate(const std::string& s)
{
    auto digits = [&](size_t from, size_t n) {
        if (s.size() < from + n)
            return false;
        for (size_t i = from; i < from + n; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(s[i])))
                return false;
        }
        return true;
    };
    if (s.size() == 7)
        return digits(0, 4) && s[4] == '-' && digits(5, 2);
    if (s.size() == 10)
        return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
    return false;
}

} // namespace

class CatalogLoader {
public:
    CatalogLoader(Catalog& cat, diag::Diagnostics& diags) : m_cat(cat), m_diags(diags) {}

    void addText(const std::string& text, const std::string& file)
    {
        std::vector<YAML::Node> docs;
        try {
            docs = YAML::LoadAll(text);
        } catch (const YAML::Exception& e) {
            m_diags.add("CW002", {file, e.mark.line + 1, e.mark.column + 1}, {e.msg});
            return;
        }
        YamlContext ctx{file, &m_diags};
        for (const auto& doc : docs) {
            if (doc.IsNull())
                continue;
            if (!doc.IsMap()) {
                ctx.error("CW005", doc, {"a catalog document", "a mapping, not " + io::describeNode(doc)});
                continue;
            }
            const std::string apiVersion = doc["apiVersion"] ? doc["apiVersion"].Scalar() : "";
            if (apiVersion != kCatalogApiVersion) {
                ctx.error("CW012", doc["apiVersion"] ? doc["apiVersion"] : doc, {apiVersion, kCatalogApiVersion});
                continue;
            }
            const std::string kind = doc["kind"] ? doc["kind"].Scalar() : "";
            static const std::vector<std::string> kinds = {"Sources", "Accelerators", "TpuGenerations", "PriceBook", "Rules"};
            if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
                ctx.error("CW207", doc["kind"] ? doc["kind"] : doc, {kind, io::joinNames(kinds)});
                continue;
            }
            m_docs.push_back({file, kind, doc});
        }
    }

    void addFile(const std::string& path)
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            m_diags.add("CW001", {path, 0, 0}, {path, std::strerror(errno)});
            return;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        addText(ss.str(), path);
    }

    void build()
    {
        std::map<std::string, PriceBook*> books; // provider -> book
        bool haveRules = false;
        for (const auto& doc : m_docs) {
            YamlContext ctx{doc.file, &m_diags};
            if (doc.kind == "Sources") {
                checkTopKeys(ctx, doc.node, {"apiVersion", "kind", "sources"});
                mergeList<Source>(m_cat.m_sources, doc, "sources", "id",
                                  [](const Source& x) { return x.id; },
                                  [&](YamlContext& c, const YAML::Node& n, Source& x) { readSource(c, n, x); });
            } else if (doc.kind == "Accelerators") {
                checkTopKeys(ctx, doc.node, {"apiVersion", "kind", "accelerators"});
                mergeList<Accelerator>(m_cat.m_accelerators, doc, "accelerators", "name",
                                       [](const Accelerator& x) { return x.name; },
                                       [&](YamlContext& c, const YAML::Node& n, Accelerator& x) { readAccelerator(c, n, x); });
            } else if (doc.kind == "TpuGenerations") {
                checkTopKeys(ctx, doc.node, {"apiVersion", "kind", "generations"});
                mergeList<TpuGeneration>(m_cat.m_tpuGenerations, doc, "generations", "name",
                                         [](const TpuGeneration& x) { return x.name; },
                                         [&](YamlContext& c, const YAML::Node& n, TpuGeneration& x) { readGeneration(c, n, x); });
            } else if (doc.kind == "PriceBook") {
                MapReader r(ctx, doc.node, "PriceBook");
                std::string s;
                r.string("apiVersion", s);
                r.string("kind", s);
                model::Provider provider{};
                if (!r.enumeration("provider", provider, true))
                    continue;
                const std::string key = model::toString(provider);
                PriceBook* book = nullptr;
                if (auto it = books.find(key); it != books.end()) {
                    book = it->second;
                    m_new = false;
                } else {
                    m_cat.m_priceBooks.push_back({});
                    book = &m_cat.m_priceBooks.back();
                    book->provider = provider;
                    m_new = true;
                    // Later books may move the vector; look books up again each time.
                    books.clear();
                    for (auto& b : m_cat.m_priceBooks)
                        books[model::toString(b.provider)] = &b;
                    book = books[key];
                }
                r.nonEmptyString("region", book->region, m_new);
                std::string pricing;
                if (r.string("acceleratorPricing", pricing, m_new)) {
                    if (pricing == "separate" || pricing == "included")
                        book->acceleratorsSeparate = pricing == "separate";
                    else
                        ctx.error("CW008", r.node("acceleratorPricing"), {"acceleratorPricing", pricing, "separate | included"});
                }
                r.node("machineTypes");
                r.node("acceleratorPrices");
                r.node("tpuChipPrices");
                r.finish();
                mergeList<MachineType>(book->machineTypes, doc, "machineTypes", "name",
                                       [](const MachineType& x) { return x.name; },
                                       [&](YamlContext& c, const YAML::Node& n, MachineType& x) { readMachine(c, n, x); });
                mergeList<PriceBook::AcceleratorPrice>(
                    book->acceleratorPrices, doc, "acceleratorPrices", "accelerator",
                    [](const PriceBook::AcceleratorPrice& x) { return x.accelerator; },
                    [&](YamlContext& c, const YAML::Node& n, PriceBook::AcceleratorPrice& x) {
                        MapReader ar(c, n, "acceleratorPrices[]");
                        ar.nonEmptyString("accelerator", x.accelerator, m_new);
                        readPrice(ar, "onDemand", x.onDemand, m_new);
                        readPrice(ar, "spot", x.spot, false);
                        ar.finish();
                    });
                mergeList<PriceBook::TpuChipPrice>(
                    book->tpuChipPrices, doc, "tpuChipPrices", "generation",
                    [](const PriceBook::TpuChipPrice& x) { return x.generation; },
                    [&](YamlContext& c, const YAML::Node& n, PriceBook::TpuChipPrice& x) {
                        MapReader cr(c, n, "tpuChipPrices[]");
                        cr.nonEmptyString("generation", x.generation, m_new);
                        cr.string("region", x.region);
                        readPrice(cr, "onDemand", x.onDemand, m_new);
                        readPrice(cr, "spot", x.spot, false);
                        cr.finish();
                    });
            } else if (doc.kind == "Rules") {
                m_new = !haveRules;
                haveRules = true;
                readRules(ctx, doc.node);
            }
        }
        if (!haveRules)
            m_diags.add("CW210", {}, {"no Rules document was found"});
    }

private:
    // Entries of a list are matched by id: a new id is a new entry, whose required keys must
    // all be given; a known id from another file overrides the keys it gives.
    template<typename T>
    void mergeList(std::vector<T>& list, const Document& doc, const char* listKey, const char* idKey,
                   const std::function<std::string(const T&)>& idOf,
                   const std::function<void(YamlContext&, const YAML::Node&, T&)>& read)
    {
        YamlContext ctx{doc.file, &m_diags};
        const YAML::Node items = doc.node[listKey];
        if (!items)
            return;
        if (!items.IsSequence()) {
            ctx.error("CW005", items, {listKey, "a list, not " + io::describeNode(items)});
            return;
        }
        for (const auto& item : items) {
            if (!item.IsMap() || !item[idKey] || !item[idKey].IsScalar()) {
                ctx.error("CW006", item, {idKey, std::string(listKey) + "[]"});
                continue;
            }
            const std::string id = item[idKey].Scalar();
            const std::string seenKey = doc.file + "\n" + listKey + "\n" + id;
            if (!m_seen.insert(seenKey).second) {
                ctx.error("CW203", item, {std::string(listKey) + " entry", id});
                continue;
            }
            auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return idOf(x) == id; });
            if (it == list.end()) {
                m_new = true;
                T value{};
                read(ctx, item, value);
                value.where = ctx.location(item);
                list.push_back(std::move(value));
            } else {
                m_new = false;
                read(ctx, item, *it);
                it->where = ctx.location(item);
            }
        }
    }

    void checkTopKeys(YamlContext& ctx, const YAML::Node& node, const std::vector<std::string>& keys)
    {
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string key = it->first.Scalar();
            if (std::find(keys.begin(), keys.end(), key) != keys.end())
                continue;
            const std::string s = diag::closestMatch(key, keys);
            if (s.empty())
                ctx.error("CW003", it->first, {key, "the catalog document"});
            else
                ctx.error("CW004", it->first, {key, "the catalog document", s});
        }
    }

    void readFact(MapReader& r, Fact& f)
    {
        r.string("source", f.source);
        std::string c;
        if (r.string("confidence", c)) {
            if (c == "V")
                f.confidence = Confidence::Verified;
            else if (c == "S")
                f.confidence = Confidence::Secondary;
            else if (c == "M")
                f.confidence = Confidence::Memory;
            else
                r.context().error("CW008", r.node("confidence"), {"confidence", c, "V | S | M"});
        }
    }

    bool readPrice(MapReader& parent, const char* key, PricePoint& out, bool required)
    {
        YAML::Node n = parent.node(key);
        if (!n.IsDefined()) {
            if (required)
                parent.context().diags->add("CW006", parent.context().location(parent.pos(key)), {key, parent.what()});
            return false;
        }
        MapReader r(parent.context(), n, key);
        if (!r.isMap()) {
            parent.context().error("CW005", n, {key, "a price {usd, source}, not " + io::describeNode(n)});
            return false;
        }
        YAML::Node usd = r.node("usd");
        if (!usd.IsDefined()) {
            parent.context().error("CW006", n, {"usd", key});
        } else if (!usd.IsNull() && !(usd.IsScalar() && usd.Scalar() == "null")) {
            double v = 0;
            if (r.number("usd", v, 0, 1e7))
                out.usd = v;
        }
        r.nonEmptyString("source", out.source, true);
        out.where = parent.context().location(n);
        if (r.string("asOf", out.asOf) && !isDate(out.asOf))
            parent.context().error("CW204", r.node("asOf"), {out.asOf});
        r.boolean("unverified", out.unverified);
        r.string("note", out.note);
        r.finish();
        return true;
    }

    void readSource(YamlContext& ctx, const YAML::Node& node, Source& s)
    {
        MapReader r(ctx, node, "sources[]");
        r.nonEmptyString("id", s.id, m_new);
        r.nonEmptyString("title", s.title, m_new);
        r.string("url", s.url);
        r.string("revision", s.revision);
        if (r.nonEmptyString("asOf", s.asOf, m_new) && !isDate(s.asOf))
            ctx.error("CW204", r.node("asOf"), {s.asOf});
        r.string("license", s.license);
        r.string("note", s.note);
        r.finish();
    }

    void readAccelerator(YamlContext& ctx, const YAML::Node& node, Accelerator& a)
    {
        MapReader r(ctx, node, "accelerators[]");
        r.nonEmptyString("name", a.name, m_new);
        std::string kind;
        if (r.string("kind", kind, m_new)) {
            if (kind == "gpu")
                a.kind = AcceleratorKind::Gpu;
            else if (kind == "neuron")
                a.kind = AcceleratorKind::Neuron;
            else
                ctx.error("CW008", r.node("kind"), {"kind", kind, "gpu | neuron"});
        }
        r.string("vendor", a.vendor);
        r.string("displayName", a.displayName);
        r.number("memoryGiB", a.memoryGiB, 0, 1e6, m_new);
        r.number("bf16Tflops", a.bf16Tflops, 0, 1e7);
        r.nonEmptyString("resource", a.resource, m_new);
        r.string("karpenterGpuName", a.karpenterGpuName);
        r.integer("neuronCores", a.neuronCores, 0, 1024);
        readFact(r, a.fact);
        r.string("note", m_ignoredNote);
        if (YAML::Node mig = r.node("mig"); mig.IsDefined()) {
            MapReader mr(ctx, mig, "mig");
            mr.string("source", a.migSource);
            if (mr.has("profiles"))
                a.mig.clear();
            mr.sequence("profiles", [&](const YAML::Node& p, size_t) {
                MapReader pr(ctx, p, "mig.profiles[]");
                MigProfile prof;
                pr.nonEmptyString("name", prof.name, m_new);
                pr.integer("computeSlices", prof.computeSlices, 1, 8, m_new);
                pr.number("memoryGiB", prof.memoryGiB, 0, 1e4, m_new);
                pr.integer("maxPerGpu", prof.maxPerGpu, 1, 8, m_new);
                pr.boolean("gke", prof.gke);
                pr.string("note", m_ignoredNote);
                pr.finish();
                a.mig.push_back(prof);
            }, m_new);
            mr.string("note", m_ignoredNote);
            mr.finish();
        }
        r.finish();
    }

    void readGeneration(YamlContext& ctx, const YAML::Node& node, TpuGeneration& g)
    {
        MapReader r(ctx, node, "generations[]");
        r.nonEmptyString("name", g.name, m_new);
        r.stringList("aliases", g.aliases);
        r.nonEmptyString("acceleratorLabel", g.acceleratorLabel, m_new);
        r.stringList("legacyAcceleratorLabels", g.legacyAcceleratorLabels);
        std::string torus;
        if (r.string("torus", torus, m_new)) {
            if (torus == "2d" || torus == "3d")
                g.torus3d = torus == "3d";
            else
                ctx.error("CW008", r.node("torus"), {"torus", torus, "2d | 3d"});
        }
        r.integer("tensorCoresPerChip", g.tensorCoresPerChip, 1, 8, m_new);
        std::string counts;
        if (r.string("nameCounts", counts, m_new)) {
            if (counts == "chips" || counts == "tensorcores")
                g.nameCountsTensorCores = counts == "tensorcores";
            else
                ctx.error("CW008", r.node("nameCounts"), {"nameCounts", counts, "chips | tensorcores"});
        }
        r.integer("podChips", g.podChips, 1, 1'000'000);
        if (YAML::Node mc = r.node("maxCubes"); mc.IsDefined() && !mc.IsNull()) {
            int v = 0;
            if (r.integer("maxCubes", v, 1, 100000))
                g.maxCubes = v;
        }
        std::string order;
        if (r.string("dimensionOrder", order)) {
            if (order == "any" || order == "ascending")
                g.ascendingDimensions = order == "ascending";
            else
                ctx.error("CW008", r.node("dimensionOrder"), {"dimensionOrder", order, "any | ascending"});
        }
        r.number("hbmGiB", g.hbmGiB, 0, 1e5);
        r.number("hbmGBps", g.hbmGBps, 0, 1e6);
        r.number("bf16Tflops", g.bf16Tflops, 0, 1e6);
        r.number("iciGBps", g.iciGBps, 0, 1e6);
        if (r.has("machineTypes"))
            g.machineTypes.clear();
        r.sequence("machineTypes", [&](const YAML::Node& m, size_t) {
            MapReader mr(ctx, m, "machineTypes[]");
            TpuMachine tm;
            mr.nonEmptyString("name", tm.name, m_new);
            mr.integer("chips", tm.chips, 1, 64, m_new);
            mr.number("vcpu", tm.vcpu, 0, 10000);
            mr.number("memoryGiB", tm.memoryGiB, 0, 1e5);
            mr.nonEmptyString("hostShape", tm.hostShape, m_new);
            mr.boolean("multiHost", tm.multiHost);
            if (std::string c; mr.string("hostShapeConfidence", c)) {
                if (c == "V" || c == "S" || c == "M")
                    tm.hostShapeConfidence = c == "V" ? Confidence::Verified : c == "S" ? Confidence::Secondary : Confidence::Memory;
                else
                    ctx.error("CW008", mr.node("hostShapeConfidence"), {"hostShapeConfidence", c, "V | S | M"});
            }
            readFact(mr, tm.fact);
            mr.string("note", m_ignoredNote);
            mr.finish();
            g.machineTypes.push_back(tm);
        }, m_new);
        r.stringList("topologies2d", g.topologies2d);
        r.stringList("smallTopologies3d", g.smallTopologies3d);
        r.string("maxTopology", g.maxTopology);
        if (YAML::Node v = r.node("minGkeVersion"); v.IsDefined()) {
            MapReader vr(ctx, v, "minGkeVersion");
            auto optional = [&](const char* key, std::string& out) {
                YAML::Node n = vr.node(key);
                if (n.IsDefined() && !n.IsNull())
                    vr.string(key, out);
            };
            optional("standard", g.minGkeStandard);
            optional("autopilot", g.minGkeAutopilot);
            vr.finish();
        }
        r.nonEmptyString("namePrefix", g.namePrefix);
        r.integer("cubeEdge", g.cubeEdge, 1, 64);
        r.integer("maxDimension", g.maxDimension, 1, 100000);
        r.integer("physicalHostChips", g.physicalHostChips, 1, 64);
        if (YAML::Node w = r.node("wraparound"); w.IsDefined()) {
            MapReader wr(ctx, w, "wraparound");
            std::string rule;
            if (wr.string("rule", rule, true)) {
                if (rule == "none")
                    g.wraparound = TpuWraparound::None;
                else if (rule == "fullCubes")
                    g.wraparound = TpuWraparound::FullCubes;
                else if (rule == "axisLength")
                    g.wraparound = TpuWraparound::AxisLength;
                else
                    ctx.error("CW008", wr.node("rule"), {"wraparound.rule", rule, "none | fullCubes | axisLength"});
            }
            wr.integer("axisLength", g.wraparoundAxisLength, 1, 100000);
            readFact(wr, g.wraparoundFact);
            wr.string("note", m_ignoredNote);
            wr.finish();
        }
        if (YAML::Node t = r.node("twistedTorus"); t.IsDefined()) {
            MapReader tr(ctx, t, "twistedTorus");
            tr.boolean("supported", g.twistedTorus, true);
            readFact(tr, g.twistedFact);
            tr.string("note", m_ignoredNote);
            tr.finish();
        }
        if (YAML::Node p = r.node("workloadPolicy"); p.IsDefined()) {
            MapReader pr(ctx, p, "workloadPolicy");
            pr.nonEmptyString("type", g.workloadPolicyType, true);
            pr.boolean("replacesTpuTopology", g.workloadPolicyReplacesTopology);
            readFact(pr, g.workloadPolicyFact);
            pr.string("note", m_ignoredNote);
            pr.finish();
        }
        r.stringList("wrongMachinePrefixes", g.wrongMachinePrefixes);
        readFact(r, g.fact);
        r.string("note", g.note);
        r.finish();
    }

    std::optional<AcceleratorAttachment> readAttachment(MapReader& parent, const char* key)
    {
        YAML::Node n = parent.node(key);
        if (!n.IsDefined())
            return std::nullopt;
        MapReader r(parent.context(), n, key);
        AcceleratorAttachment a;
        r.nonEmptyString("type", a.type, m_new);
        r.integer("count", a.count, 1, 64, m_new);
        r.finish();
        return a;
    }

    void readMachine(YamlContext& ctx, const YAML::Node& node, MachineType& m)
    {
        MapReader r(ctx, node, "machineTypes[]");
        r.nonEmptyString("name", m.name, m_new);
        r.string("family", m.family);
        std::string category;
        if (r.string("category", category, m_new)) {
            static const std::vector<std::string> names = {"general-purpose", "compute-optimized", "memory-optimized", "gpu", "tpu", "neuron"};
            auto it = std::find(names.begin(), names.end(), category);
            if (it == names.end())
                ctx.error("CW008", r.node("category"), {"category", category, io::joinNames(names, " | ")});
            else
                m.category = MachineCategory(it - names.begin());
        }
        r.number("vcpu", m.vcpu, 0, 10000, m_new);
        r.number("memoryGiB", m.memoryGiB, 0, 1e6, m_new);
        double d = 0;
        if (r.number("localSsdGiB", d, 0, 1e6))
            m.localSsdGiB = d;
        if (r.number("localNvmeGiB", d, 0, 1e6))
            m.localSsdGiB = d;
        if (r.number("networkGbps", d, 0, 1e6))
            m.networkGbps = d;
        // An override that does not name the attachment keeps the one it overrides.
        if (auto gpu = readAttachment(r, "gpu"))
            m.gpu = gpu;
        if (auto neuron = readAttachment(r, "neuron"))
            m.neuron = neuron;
        if (YAML::Node t = r.node("tpu"); t.IsDefined()) {
            MapReader tr(ctx, t, "tpu");
            TpuAttachment ta;
            tr.nonEmptyString("generation", ta.generation, m_new);
            tr.integer("chips", ta.chips, 1, 64, m_new);
            tr.finish();
            m.tpu = ta;
        }
        if (r.has("gpuOptions"))
            m.gpuOptions.clear();
        r.sequence("gpuOptions", [&](const YAML::Node& o, size_t) {
            MapReader orr(ctx, o, "gpuOptions[]");
            GpuOption opt;
            orr.nonEmptyString("type", opt.type, m_new);
            if (YAML::Node c = orr.node("counts"); c.IsSequence()) {
                for (const auto& item : c) {
                    auto v = item.IsScalar() ? io::parseInteger(item.Scalar()) : std::nullopt;
                    if (!v || *v < 1 || *v > 64)
                        ctx.error("CW009", item, {"gpuOptions[].counts[]", io::describeNode(item), "1..64"});
                    else
                        opt.counts.push_back(int(*v));
                }
            } else {
                ctx.error("CW006", o, {"counts", "gpuOptions[]"});
            }
            orr.finish();
            m.gpuOptions.push_back(opt);
        });
        std::optional<int> maxPods;
        if (r.optionalInt("maxPods", maxPods, 1, 1000))
            m.maxPods = maxPods;
        r.integer("efaInterfaces", m.efaInterfaces, 0, 64);
        readPrice(r, "onDemand", m.onDemand, false);
        readPrice(r, "spot", m.spot, false);
        readFact(r, m.fact);
        r.string("note", m.note);
        r.finish();
    }

    void readTiers(MapReader& parent, const char* key, std::vector<Tier>& out, bool cpu)
    {
        if (parent.has(key))
            out.clear();
        parent.sequence(key, [&](const YAML::Node& t, size_t) {
            MapReader r(parent.context(), t, std::string(key) + "[]");
            Tier tier;
            int64_t v = 0;
            if (cpu ? r.cpu("upTo", v, 1'000'000'000) : r.bytes("upTo", v, 1LL << 50))
                tier.upTo = v;
            r.number("fraction", tier.fraction, 0, 1, m_new);
            r.finish();
            out.push_back(tier);
        }, m_new);
    }

    void readAllocatable(YamlContext& ctx, const YAML::Node& n, model::Provider provider, AllocatableRules& a)
    {
        MapReader r(ctx, n, std::string("allocatable.") + model::toString(provider));
        readFact(r, a.fact);
        if (YAML::Node mem = r.node("memory"); mem.IsDefined()) {
            MapReader mr(ctx, mem, "memory");
            mr.bytes("smallMachineBelow", a.smallMachineBelow, 1LL << 40);
            mr.bytes("smallMachineReserved", a.smallMachineReserved, 1LL << 40);
            if (mr.has("tiers"))
                readTiers(mr, "tiers", a.memoryTiers, false);
            mr.bytes("base", a.memoryBase, 1LL << 40);
            mr.bytes("perPod", a.memoryPerPod, 1LL << 40);
            mr.bytes("eviction", a.eviction, 1LL << 40, m_new);
            mr.finish();
        } else {
            ctx.error("CW006", n, {"memory", r.what()});
        }
        if (YAML::Node cpu = r.node("cpu"); cpu.IsDefined()) {
            MapReader cr(ctx, cpu, "cpu");
            readTiers(cr, "tiers", a.cpuTiers, m_new);
            cr.finish();
        } else {
            ctx.error("CW006", n, {"cpu", r.what()});
        }
        r.integer("maxPodsPerNode", a.maxPodsPerNode, 1, 1000, m_new);
        r.bytes("bootDisk", a.bootDisk, 1LL << 50, m_new);
        r.number("ephemeralReservedFraction", a.ephemeralReservedFraction, 0, 1);
        r.string("note", m_ignoredNote);
        r.finish();
    }

    void readRules(YamlContext& ctx, const YAML::Node& node)
    {
        Rules& rules = m_cat.m_rules;
        MapReader r(ctx, node, "Rules");
        std::string s;
        r.string("apiVersion", s);
        r.string("kind", s);
        r.integer("defaultHoursPerMonth", rules.defaultHoursPerMonth, 1, 744, m_new);
        if (YAML::Node fees = r.node("fees"); fees.IsDefined()) {
            MapReader fr(ctx, fees, "fees");
            if (YAML::Node gke = fr.node("gke"); gke.IsDefined()) {
                MapReader gr(ctx, gke, "fees.gke");
                readPrice(gr, "clusterHour", rules.fees.gkeClusterHour, m_new);
                readPrice(gr, "freeTierMonthlyCredit", rules.fees.gkeFreeTierMonthlyCredit, m_new);
                gr.stringList("freeTierAppliesTo", rules.fees.gkeFreeTierAppliesTo);
                gr.string("note", m_ignoredNote);
                gr.finish();
            }
            if (YAML::Node eks = fr.node("eks"); eks.IsDefined()) {
                MapReader er(ctx, eks, "fees.eks");
                readPrice(er, "standardSupportHour", rules.fees.eksStandardSupportHour, m_new);
                readPrice(er, "extendedSupportHour", rules.fees.eksExtendedSupportHour, m_new);
                er.string("note", m_ignoredNote);
                er.finish();
            }
            fr.finish();
        } else if (m_new) {
            ctx.error("CW006", node, {"fees", "Rules"});
        }
        if (YAML::Node al = r.node("allocatable"); al.IsDefined()) {
            MapReader ar(ctx, al, "allocatable");
            for (auto p : {model::Provider::Gke, model::Provider::Eks}) {
                if (YAML::Node n = ar.node(model::toString(p)); n.IsDefined())
                    readAllocatable(ctx, n, p, rules.allocatable[p]);
                else if (m_new)
                    ctx.error("CW006", al, {model::toString(p), "allocatable"});
            }
            ar.finish();
        }
        if (YAML::Node ds = r.node("daemonSets"); ds.IsDefined()) {
            MapReader dr(ctx, ds, "daemonSets");
            for (auto p : {model::Provider::Gke, model::Provider::Eks}) {
                if (dr.has(model::toString(p)))
                    rules.daemonSets[p].clear();
                dr.sequence(model::toString(p), [&](const YAML::Node& n, size_t) {
                    MapReader d(ctx, n, "daemonSets[]");
                    DaemonSetRule rule;
                    d.nonEmptyString("name", rule.name, m_new);
                    d.cpu("cpu", rule.cpuMilli, 1'000'000, m_new);
                    d.bytes("memory", rule.memoryBytes, 1LL << 40, m_new);
                    d.enumeration("nodes", rule.nodes);
                    readFact(d, rule.fact);
                    d.string("note", m_ignoredNote);
                    d.finish();
                    rules.daemonSets[p].push_back(rule);
                });
            }
            dr.finish();
        }
        if (YAML::Node ap = r.node("autopilot"); ap.IsDefined())
            readAutopilot(ctx, ap);
        if (r.has("equivalents"))
            rules.equivalents.clear();
        r.sequence("equivalents", [&](const YAML::Node& n, size_t) {
            MapReader er(ctx, n, "equivalents[]");
            Equivalent eq;
            er.nonEmptyString("gke", eq.gke, m_new);
            er.nonEmptyString("eksFamily", eq.eksFamily, m_new);
            er.string("note", m_ignoredNote);
            er.finish();
            rules.equivalents.push_back(eq);
        });
        r.finish();
    }

    void readAutopilot(YamlContext& ctx, const YAML::Node& n)
    {
        AutopilotRules& a = m_cat.m_rules.autopilot;
        MapReader r(ctx, n, "autopilot");
        r.string("region", a.region);
        if (YAML::Node gp = r.node("generalPurpose"); gp.IsDefined()) {
            MapReader gr(ctx, gp, "autopilot.generalPurpose");
            readPrice(gr, "cpu", a.cpu, m_new);
            readPrice(gr, "memory", a.memory, m_new);
            readPrice(gr, "ephemeralStorage", a.ephemeralStorage, false);
            readPrice(gr, "spotCpu", a.spotCpu, false);
            readPrice(gr, "spotMemory", a.spotMemory, false);
            readPrice(gr, "spotEphemeralStorage", a.spotEphemeralStorage, false);
            gr.string("note", m_ignoredNote);
            gr.finish();
        }
        if (YAML::Node rules = r.node("rules"); rules.IsDefined()) {
            MapReader rr(ctx, rules, "autopilot.rules");
            readFact(rr, a.rulesFact);
            rr.cpu("cpuStep", a.cpuStepMilli, 100'000, m_new);
            rr.cpu("minCpu", a.minCpuMilli, 100'000, m_new);
            rr.bytes("minMemory", a.minMemory, 1LL << 40, m_new);
            rr.cpu("maxCpu", a.maxCpuMilli, 10'000'000);
            rr.bytes("maxMemory", a.maxMemory, 1LL << 50);
            rr.bytes("memoryPerCpuMin", a.memoryPerCpuMin, 1LL << 40, m_new);
            rr.bytes("memoryPerCpuMax", a.memoryPerCpuMax, 1LL << 40, m_new);
            rr.bytes("defaultEphemeralStorage", a.defaultEphemeralStorage, 1LL << 40);
            rr.bytes("maxEphemeralStorage", a.maxEphemeralStorage, 1LL << 50);
            rr.cpu("daemonSetMinCpu", a.daemonSetMinCpuMilli, 100'000);
            rr.bytes("daemonSetMinMemory", a.daemonSetMinMemory, 1LL << 40);
            rr.string("note", m_ignoredNote);
            rr.finish();
        }
        if (YAML::Node acc = r.node("accelerator"); acc.IsDefined()) {
            MapReader ar(ctx, acc, "autopilot.accelerator");
            if (YAML::Node prem = ar.node("premium"); prem.IsMap()) {
                MapReader pr(ctx, prem, "autopilot.accelerator.premium");
                for (auto it = prem.begin(); it != prem.end(); ++it) {
                    const std::string key = it->first.Scalar();
                    if (key == "note") {
                        pr.string("note", m_ignoredNote);
                        continue;
                    }
                    PricePoint p;
                    if (readPrice(pr, key.c_str(), p, false))
                        a.acceleratorPremium[key] = p;
                }
                pr.finish();
            } else if (prem.IsDefined()) {
                ctx.error("CW005", prem, {"premium", "a mapping of price points"});
            }
            // Lists inside Rules are replaced whole by an override that gives them.
            if (ar.has("premiums"))
                a.acceleratorPremiums.clear();
            ar.sequence("premiums", [&](const YAML::Node& item, size_t) {
                MapReader pr(ctx, item, "premiums[]");
                AutopilotRules::Premium p;
                p.where = ctx.location(item);
                pr.nonEmptyString("accelerator", p.accelerator, true);
                readPrice(pr, "perAcceleratorHour", p.perAcceleratorHour, false);
                readPrice(pr, "perVcpuHour", p.perVcpuHour, false);
                readPrice(pr, "perGiBHour", p.perGiBHour, false);
                readPrice(pr, "spotPerAcceleratorHour", p.spotPerAcceleratorHour, false);
                readPrice(pr, "spotPerVcpuHour", p.spotPerVcpuHour, false);
                readPrice(pr, "spotPerGiBHour", p.spotPerGiBHour, false);
                pr.string("note", p.note);
                pr.finish();
                a.acceleratorPremiums.push_back(p);
            });
            if (ar.has("machines"))
                a.acceleratorMachines.clear();
            ar.sequence("machines", [&](const YAML::Node& item, size_t) {
                MapReader mr(ctx, item, "machines[]");
                AutopilotRules::MachineChoice m;
                m.where = ctx.location(item);
                mr.nonEmptyString("accelerator", m.accelerator, true);
                mr.stringList("machineTypes", m.machineTypes);
                if (m.machineTypes.empty())
                    ctx.error("CW006", item, {"machineTypes", "machines[]"});
                if (YAML::Node counts = mr.node("gpuCounts"); counts.IsDefined()) {
                    if (!counts.IsSequence()) {
                        ctx.error("CW005", counts, {"gpuCounts", "a list of GPU counts"});
                    } else {
                        for (const auto& c : counts) {
                            const std::string text = c.IsScalar() ? c.Scalar() : io::describeNode(c);
                            const auto v = c.IsScalar() ? io::parseInteger(text) : std::nullopt;
                            if (!v || *v < 1 || *v > 64)
                                ctx.error("CW009", c, {"gpuCounts[]", text, "1..64"});
                            else
                                m.gpuCounts.push_back(int(*v));
                        }
                    }
                }
                readFact(mr, m.fact);
                mr.string("note", m.note);
                mr.finish();
                a.acceleratorMachines.push_back(m);
            });
            ar.string("note", m_ignoredNote);
            ar.finish();
        }
        if (r.has("refused"))
            a.refused.clear();
        r.sequence("refused", [&](const YAML::Node& item, size_t) {
            MapReader fr(ctx, item, "refused[]");
            AutopilotRules::Refusal ref;
            fr.nonEmptyString("feature", ref.feature, m_new);
            fr.nonEmptyString("reason", ref.reason, m_new);
            readFact(fr, ref.fact);
            fr.finish();
            a.refused.push_back(ref);
        });
        r.string("note", m_ignoredNote);
        r.finish();
    }

public:
    // Gives every price without its own asOf the date of its source.
    void resolveDates()
    {
        m_cat.forEachPrice([&](PricePoint& p, const std::string&) {
            if (p.asOf.empty()) {
                if (const Source* src = m_cat.source(p.source))
                    p.asOf = src->asOf;
            }
        });
    }

private:
    Catalog& m_cat;
    diag::Diagnostics& m_diags;
    std::vector<Document> m_docs;
    std::set<std::string> m_seen; // file, list and id of every entry read
    bool m_new = true;            // the entry being read is new: its required keys must be given
    std::string m_ignoredNote;
};

Catalog Catalog::load(const std::vector<std::string>& overrideFiles, diag::Diagnostics& diags)
{
    Catalog cat;
    CatalogLoader loader(cat, diags);
    for (const auto& f : resources::filesUnder("catalog/"))
        loader.addText(std::string(f.data), "<embedded>/" + std::string(f.path));
    for (const auto& path : overrideFiles)
        loader.addFile(path);
    loader.build();
    loader.resolveDates();
    cat.validate(diags);
    return cat;
}

const Catalog& Catalog::embedded()
{
    static const Catalog cat = [] {
        diag::Diagnostics diags;
        Catalog c = load({}, diags);
        if (diags.hasErrors()) {
            for (const auto& d : diags.items())
                std::cerr << d.format() << '\n';
        }
        return c;
    }();
    return cat;
}

std::vector<std::string> Catalog::userOverrideFiles()
{
    std::vector<std::string> out;
    std::filesystem::path dir;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        dir = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        dir = std::filesystem::path(home) / ".config";
    else
        return out;
    dir /= "clusterwright/catalog.d";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return out;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".yaml")
            out.push_back(entry.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace cw::catalog
