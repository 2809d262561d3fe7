// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright-cli tpu GENERATION [CHIPS | TOPOLOGY | NAME]: the valid TPU slices.
#include "cli.h"
#include "i18n/translations.h"

#include "tpu/names.h"
#include "tpu/slice.h"

#include <algorithm>
#include <cctype>

namespace cw::cli {

namespace {

// Columns as wide as their widest cell, two spaces apart, no trailing blanks.
std::string table(const std::vector<std::vector<std::string>>& rows)
{
    std::vector<size_t> widths;
    for (const auto& r : rows) {
        widths.resize(std::max(widths.size(), r.size()));
        for (size_t i = 0; i < r.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(r[i]));
    }
    std::string text;
    for (const auto& r : rows) {
        std::string line;
        for (size_t i = 0; i < r.size(); ++i) {
            line += r[i];
            if (i + 1 < r.size())
                line += std::string(widths[i] - displayWidth(r[i]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        text += line + "\n";
    }
    return text;
}

const char* mark(catalog::Confidence c)
{
    switch (c) {
    case catalog::Confidence::Verified: return "";
    case catalog::Confidence::Secondary: return " (S)";
    case catalog::Confidence::Memory: return " (M)";
    }
    return "";
}

bool isDigits(const std::string& s)
{
    return !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool looksLikeTopology(const std::string& s)
{
    return !s.empty() && std::isdigit(static_cast<unsigned char>(s.front())) && (s.find('x') != std::string::npos || s.find('X') != std::string::npos);
}

nlohmann::json notesJson(const diag::Diagnostics& d)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& x : d.items())
        list.push_back({{"code", x.code}, {"severity", std::string(diag::severityName(x.severity))}, {"message", x.message()}});
    return list;
}

nlohmann::json generationJson(const catalog::TpuGeneration& g)
{
    nlohmann::json j = {
        {"name", g.name},
        {"acceleratorLabel", g.acceleratorLabel},
        {"torus", g.torus3d ? "3d" : "2d"},
        {"tensorCoresPerChip", g.tensorCoresPerChip},
        {"nameCounts", g.nameCountsTensorCores ? "tensorcores" : "chips"},
        {"namePrefix", g.slicePrefix()},
        {"podChips", g.podChips},
        {"hbmGiB", g.hbmGiB},
        {"bf16Tflops", g.bf16Tflops},
        {"source", g.fact.source},
    };
    if (g.torus3d) {
        j["maxCubes"] = tpu::cubeLimit(g);
        j["dimensionOrder"] = g.ascendingDimensions ? "ascending" : "any";
    }
    if (!g.workloadPolicyType.empty())
        j["workloadPolicy"] = g.workloadPolicyType;
    return j;
}

nlohmann::json sliceJson(const tpu::Slice& s, size_t equivalents)
{
    const catalog::TpuGeneration& g = *s.generation;
    nlohmann::json layouts = nlohmann::json::array();
    for (const auto& l : s.layouts) {
        layouts.push_back({
            {"machineType", l.machineType},
            {"hosts", l.hosts},
            {"chipsPerHost", l.chipsPerHost},
            {"tpuPerPod", l.tpuPerPod()},
            {"pods", l.hosts},
            {"scope", tpu::toString(l.scope)},
            {"hostShape", l.hostShape.text()},
            {"hostShapeConfidence", catalog::toString(l.shapeConfidence)},
            {"hostGrid", l.hostGrid.text()},
        });
    }
    return {
        {"topology", s.topology.text()},
        {"name", s.name},
        {"chips", s.chips},
        {"tensorCores", s.tensorCores},
        {"cubes", s.cubes},
        {"multiHost", s.layout().isMultiHost()},
        {"twisted", s.twisted},
        {"twistedConfidence", catalog::toString(g.twistedFact.confidence)},
        {"wraparound", s.wraparound},
        {"wraparoundAxes", s.wraparoundText()},
        {"wraparoundConfidence", catalog::toString(g.wraparoundFact.confidence)},
        {"layouts", layouts},
        {"equivalentTopologies", equivalents},
    };
}

class TpuCommand {
public:
    TpuCommand(const Args& args, const catalog::Catalog& cat) : m_args(args), m_cat(cat) {}

    int run()
    {
        if (m_args.positional.empty() || m_args.positional.size() > 2)
            return usageError(Cli::tr("tpu needs a GENERATION and at most one of CHIPS, TOPOLOGY or NAME"));
        const std::string first = m_args.positional[0];
        tpu::NameLookup gen = tpu::lookupName(m_cat, first);
        m_gen = gen.generation;
        if (!gen.ok()) {
            m_diags.append(gen.notes);
            return fail(first);
        }
        if (gen.isSlice()) {
            if (m_args.positional.size() == 2)
                return usageError(Cli::tr("'%1' is already a slice; give a generation and a slice, or the slice alone")
                                      .arg(QString::fromStdString(first)));
            return name(first, gen);
        }
        if (m_args.positional.size() == 1)
            return all();
        const std::string query = m_args.positional[1];
        if (isDigits(query))
            return chips(query);
        if (looksLikeTopology(query))
            return topology(query);
        tpu::NameLookup r = tpu::lookupName(m_cat, query);
        if (r.generation && r.generation != m_gen) {
            m_diags.add("CW422", {}, {query, r.generation->name, m_gen->name});
            return fail(query);
        }
        if (!r.ok()) {
            m_diags.append(r.notes);
            return fail(query);
        }
        if (!r.isSlice())
            return all();
        return name(query, r);
    }

private:
    int all()
    {
        m_kind = "all";
        for (long long n : tpu::validChipCounts(*m_gen)) {
            const auto slices = tpu::topologiesWithChips(*m_gen, n);
            if (!slices.empty())
                m_rows.push_back({slices.front(), slices.size()});
        }
        return print();
    }

    int chips(const std::string& query)
    {
        m_kind = "chips";
        m_query = query;
        const long long n = std::stoll(query);
        const auto slices = tpu::topologiesWithChips(*m_gen, n);
        if (slices.empty()) {
            std::string near;
            const auto counts = tpu::validChipCounts(*m_gen);
            auto above = std::lower_bound(counts.begin(), counts.end(), n);
            std::vector<long long> pick;
            if (above != counts.begin())
                pick.push_back(*(above - 1));
            if (above != counts.end())
                pick.push_back(*above);
            for (long long c : pick) {
                const auto best = tpu::topologiesWithChips(*m_gen, c);
                near += (near.empty() ? "" : ", ") + std::to_string(c) + " (" + best.front().topology.text() + ")";
                m_nearest.push_back(best.front());
            }
            m_diags.add("CW420", {}, {m_gen->name, query, near.empty() ? "none" : near});
            return fail(query);
        }
        for (const auto& s : slices)
            m_rows.push_back({s, slices.size()});
        return print();
    }

    int topology(const std::string& query)
    {
        m_kind = "topology";
        m_query = query;
        tpu::TopologyCheck c = tpu::checkTopology(*m_gen, query);
        if (!c.ok()) {
            m_diags.append(c.problems);
            m_nearest = c.nearest;
            return fail(query);
        }
        const auto equivalents = tpu::topologiesWithChips(*m_gen, c.slice->chips);
        m_rows.push_back({*c.slice, equivalents.size()});
        std::vector<tpu::Slice> others;
        for (const auto& e : equivalents) {
            if (!(e.topology == c.slice->topology))
                others.push_back(e);
        }
        tpu::explainName(c.slice->name, *c.slice, others, m_notes);
        m_workers = true;
        return print();
    }

    int name(const std::string& query, const tpu::NameLookup& r)
    {
        m_kind = "name";
        m_query = query;
        m_gen = r.generation;
        if (!r.ok()) {
            m_diags.append(r.notes);
            return fail(query);
        }
        for (const auto& s : r.slices)
            m_rows.push_back({s, r.slices.size()});
        m_notes.append(r.notes);
        return print();
    }

    int fail(const std::string& query)
    {
        if (m_args.json) {
            nlohmann::json j = {{"ok", false}, {"query", query}, {"diagnostics", notesJson(m_diags)}};
            if (m_gen)
                j["generation"] = generationJson(*m_gen);
            nlohmann::json near = nlohmann::json::array();
            for (const auto& s : m_nearest)
                near.push_back(sliceJson(s, tpu::topologiesWithChips(*m_gen, s.chips).size()));
            j["nearest"] = near;
            printJson(j);
        } else {
            for (const auto& d : m_diags.items()) {
                std::string text = "clusterwright-cli: " + i18n::formatDiagnostic(d).toStdString();
                // An unknown generation: suggest the closest one.
                if (d.code == "CW410") {
                    std::vector<std::string> names;
                    for (const auto& g : m_cat.tpuGenerations()) {
                        names.push_back(g.name);
                        names.push_back(g.slicePrefix());
                    }
                    const std::string prefix = query.substr(0, query.rfind('-'));
                    const std::string s = diag::closestMatch(prefix, names);
                    if (!s.empty() && s != prefix)
                        text += Cli::tr("; did you mean '%1'?").arg(QString::fromStdString(s)).toStdString();
                }
                err(text + "\n");
            }
        }
        return kPlanErrors;
    }

    int print()
    {
        const catalog::TpuGeneration& g = *m_gen;
        if (m_args.json) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& r : m_rows)
                rows.push_back(sliceJson(r.slice, r.equivalents));
            nlohmann::json j = {{"ok", true}, {"generation", generationJson(g)}, {"query", m_query}, {"kind", m_kind},
                                {"topologies", rows}, {"notes", notesJson(m_notes)}};
            if (m_workers && !m_rows.empty()) {
                nlohmann::json workers = nlohmann::json::array();
                const tpu::HostLayout& l = m_rows.front().slice.layout();
                for (int w = 0; w < l.hosts; ++w) {
                    nlohmann::json chips = nlohmann::json::array();
                    for (const auto& c : l.chipsOf(w))
                        chips.push_back(g.torus3d ? nlohmann::json::array({c.x, c.y, c.z}) : nlohmann::json::array({c.x, c.y}));
                    workers.push_back({{"worker", w}, {"chips", chips}});
                }
                j["workers"] = workers;
            }
            printJson(j);
            return kOk;
        }
        std::string text = Cli::tr("TPU %1 (%2): %3 torus, %4 TensorCore(s) per chip; slice names count %5; %6 GiB HBM and %7 bf16 TFLOPs per chip")
                               .arg(QString::fromStdString(g.name), QString::fromStdString(g.acceleratorLabel),
                                    QString::fromLatin1(g.torus3d ? "3D" : "2D"))
                               .arg(g.tensorCoresPerChip)
                               .arg(g.nameCountsTensorCores ? Cli::tr("TensorCores") : Cli::tr("chips"))
                               .arg(g.hbmGiB)
                               .arg(g.bf16Tflops)
                               .toStdString()
                         + "\n";
        if (m_kind == "all") {
            text += g.torus3d ? Cli::tr("Every slice size with its best topology (closest to a cube); 'shapes' counts the equivalent topologies of that size.\n").toStdString()
                              : Cli::tr("Every valid topology.\n").toStdString();
        }
        text += "\n";
        const bool showShapes = m_kind == "all" && g.torus3d;
        std::vector<std::vector<std::string>> cells;
        std::vector<std::string> header = {Cli::tr("topology").toStdString(), Cli::tr("name").toStdString(), Cli::tr("chips").toStdString(),
                                           Cli::tr("hosts").toStdString(), Cli::tr("machine type").toStdString(), "google.com/tpu",
                                           Cli::tr("scope").toStdString(), Cli::tr("twisted").toStdString()};
        if (showShapes)
            header.push_back(Cli::tr("shapes").toStdString());
        header.push_back(Cli::tr("wraparound").toStdString());
        cells.push_back(header);
        bool anyMark = false;
        for (const auto& r : m_rows) {
            const tpu::Slice& s = r.slice;
            for (size_t i = 0; i < s.layouts.size(); ++i) {
                const tpu::HostLayout& l = s.layouts[i];
                const bool first = i == 0;
                std::string twisted = !g.torus3d ? "-" : s.twisted ? Cli::tr("yes").toStdString() + mark(g.twistedFact.confidence) : Cli::tr("no").toStdString();
                std::string wrap = s.wraparoundText() + (s.hasWraparound() ? mark(g.wraparoundFact.confidence) : "");
                anyMark = anyMark || (s.twisted && g.twistedFact.confidence != catalog::Confidence::Verified)
                          || (s.hasWraparound() && g.wraparoundFact.confidence != catalog::Confidence::Verified);
                std::vector<std::string> row = {first ? s.topology.text() : "", first ? s.name : "",
                                                first ? std::to_string(s.chips) : "", std::to_string(l.hosts), l.machineType,
                                                std::to_string(l.tpuPerPod()), tpu::toString(l.scope), first ? twisted : ""};
                if (showShapes)
                    row.push_back(first ? std::to_string(r.equivalents) : "");
                row.push_back(first ? wrap : "");
                cells.push_back(std::move(row));
            }
        }
        text += table(cells);
        if (anyMark)
            text += Cli::tr("(S) secondary source, (M) from memory or assumed: see the catalog's sources (docs/tpu.md).\n").toStdString();
        if (m_workers && !m_rows.empty()) {
            const tpu::Slice& s = m_rows.front().slice;
            for (const auto& l : s.layouts) {
                text += "\n" + Cli::tr("On %1: each host holds a %2 block of chips; TPU_WORKER_ID counts the %3 grid of hosts row-major, x fastest.")
                                   .arg(QString::fromStdString(l.machineType), QString::fromStdString(l.hostShape.text()),
                                        QString::fromStdString(l.hostGrid.text()))
                                   .toStdString()
                      + "\n";
                if (l.hosts > 16)
                    continue;
                for (int w = 0; w < l.hosts; ++w) {
                    const auto chips = l.chipsOf(w);
                    const tpu::ChipCoord lo = chips.front(), hi = chips.back();
                    auto coord = [&](const tpu::ChipCoord& c) {
                        return "(" + std::to_string(c.x) + "," + std::to_string(c.y) + (g.torus3d ? "," + std::to_string(c.z) : "") + ")";
                    };
                    text += "  TPU_WORKER_ID=" + std::to_string(w) + ": " + Cli::tr("chips %1 to %2").arg(QString::fromStdString(coord(lo)), QString::fromStdString(coord(hi))).toStdString() + "\n";
                }
            }
        }
        if (!m_notes.empty()) {
            text += "\n";
            for (const auto& d : m_notes.items())
                text += i18n::diagnosticMessage(d).toStdString() + "\n";
        }
        out(text);
        return kOk;
    }

    struct Row {
        tpu::Slice slice;
        size_t equivalents = 1;
    };

    const Args& m_args;
    const catalog::Catalog& m_cat;
    const catalog::TpuGeneration* m_gen = nullptr;
    std::string m_kind;
    std::string m_query;
    std::vector<Row> m_rows;
    std::vector<tpu::Slice> m_nearest;
    diag::Diagnostics m_diags;
    diag::Diagnostics m_notes;
    bool m_workers = false;
};

} // namespace

int runTpu(const Args& args)
{
    auto cat = loadCatalog(args);
    if (!cat)
        return kUsage;
    return TpuCommand(args, *cat).run();
}

} // namespace cw::cli
