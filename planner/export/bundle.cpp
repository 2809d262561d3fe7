// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle.h"
#include "report/numbers.h"

#include "context.h"
#include "io/planwriter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace cw::exporter {

using namespace cw::model;
namespace fs = std::filesystem;

const char* toString(Target t)
{
    switch (t) {
    case Target::All: return "all";
    case Target::Gke: return "gke";
    case Target::Eks: return "eks";
    }
    return "all";
}

std::optional<Target> targetFromString(const std::string& text)
{
    if (text == "all")
        return Target::All;
    if (text == "gke")
        return Target::Gke;
    if (text == "eks")
        return Target::Eks;
    return std::nullopt;
}

const BundleFile* Bundle::file(const std::string& path) const
{
    for (const auto& f : files) {
        if (f.path == path)
            return &f;
    }
    return nullptr;
}

// ---- ClusterContext -------------------------------------------------------------------

diag::Location ClusterContext::at(const Provenance& origin, const std::string& field) const
{
    const SourcePos p = field.empty() ? origin.where : origin.field(field);
    return {plan.sourceFile, p.line, p.column};
}

diag::Diagnostic& ClusterContext::report(const std::string& code, diag::Location where,
                                         std::vector<std::string> args, std::string object)
{
    return diags.add(code, std::move(where), std::move(args), std::move(object));
}

void ClusterContext::add(Stage stage, Value doc)
{
    Manifest m;
    m.stage = stage;
    if (const Value* k = doc.find("kind"))
        m.kind = k->asString();
    if (const Value* meta = doc.find("metadata")) {
        if (const Value* n = meta->find("name"))
            m.name = n->asString();
    }
    m.doc = std::move(doc);
    manifests.push_back(std::move(m));
}

void ClusterContext::addRaw(Stage stage, const std::string& kind, const std::string& name, const std::string& yaml)
{
    Manifest m;
    m.stage = stage;
    m.kind = kind;
    m.name = name;
    m.raw = yaml;
    manifests.push_back(std::move(m));
}

ScriptStep& ClusterContext::step(const std::string& name, const std::string& summary)
{
    for (auto& s : steps) {
        if (s.name == name)
            return s;
    }
    steps.push_back({name, summary, {}});
    return steps.back();
}

const solve::ClusterSolution* ClusterContext::solution() const
{
    if (!options.solution)
        return nullptr;
    for (const auto& c : options.solution->clusters) {
        if (c.cluster == cluster.name)
            return &c;
    }
    return nullptr;
}

PoolSize ClusterContext::poolSize(const NodePool& pool) const
{
    PoolSize s;
    s.minNodes = pool.minNodes;
    s.maxNodes = pool.maxNodes;
    s.initial = pool.initialNodes.value_or(pool.minNodes);
    if (const auto* sol = solution()) {
        int count = 0;
        bool found = false;
        for (const auto& g : sol->groups) {
            if (g.pool == pool.name) {
                count += g.count;
                found = true;
            }
        }
        if (found) {
            s.initial = std::max(count, s.minNodes);
            if (s.maxNodes)
                s.initial = std::min(s.initial, *s.maxNodes);
            s.fromSolver = true;
        }
    }
    s.autoscaling = s.maxNodes && *s.maxNodes > s.minNodes;
    return s;
}

const catalog::MachineType* ClusterContext::machine(const std::string& name) const
{
    return cat.machineType(cluster.provider, name);
}

std::vector<const Workload*> ClusterContext::workloads() const
{
    std::vector<const Workload*> out;
    for (const auto& w : plan.workloads) {
        if (w.cluster == cluster.name && !skippedWorkloads.count(w.name))
            out.push_back(&w);
    }
    return out;
}

// ---- names ----------------------------------------------------------------------------

namespace {
uint32_t fnv1a(const std::string& s)
{
    uint32_t h = 2166136261u;
    for (unsigned char c : s) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}
} // namespace

std::string shortened(const std::string& name, size_t limit)
{
    if (name.size() <= limit)
        return name;
    char hash[8];
    std::snprintf(hash, sizeof hash, "%05x", unsigned(fnv1a(name) & 0xfffffu));
    std::string head = name.substr(0, limit - 6);
    while (!head.empty() && head.back() == '-')
        head.pop_back();
    return head + "-" + hash;
}

std::string headlessServiceName(const Workload& w)
{
    return w.name + "-headless";
}

std::string podTemplateName(const Workload& w)
{
    return w.name + "-template";
}

std::string gcpServiceAccountId(const Workload& w)
{
    // Google service account ids: 6-30 characters, a letter first.
    std::string id = "cw-" + w.name;
    return shortened(id, 30);
}

std::string gkeMemberPoolName(const NodePool& pool, const std::string& machineType)
{
    return shortened(pool.name + "-" + machineType, 40);
}

std::string placementGroupName(const Cluster& c, const NodePool& pool)
{
    return c.name + "-" + pool.name;
}

std::string karpenterNodeRole(const Cluster& c)
{
    return "KarpenterNodeRole-" + c.name;
}

std::string namespaceOf(const Workload& w)
{
    return w.nameSpace.empty() ? std::string("default") : w.nameSpace;
}

// ---- helpers --------------------------------------------------------------------------

Value objectMeta(const std::string& name, const std::string& nameSpace)
{
    Value meta = Value::map();
    meta.set("name", name);
    if (!nameSpace.empty())
        meta.set("namespace", nameSpace);
    return meta;
}

Value typed(const char* apiVersion, const char* kind, const std::string& name, const std::string& nameSpace)
{
    Value doc = Value::map();
    doc.set("apiVersion", apiVersion);
    doc.set("kind", kind);
    doc.set("metadata", objectMeta(name, nameSpace));
    return doc;
}

std::string gkeTaintEffect(TaintEffect e)
{
    return toString(e);
}

bool isGpuMachine(const catalog::MachineType& m)
{
    return m.gpu.has_value() && m.gpu->count > 0;
}

std::string money(double usd)
{
    // Two decimals, four below one dollar (trailing zeros beyond two dropped), and
    // thousands separated by commas: "$0.10", "$0.3885", "$43,188.75".
    std::string text = report::groupThousands(usd, usd != 0 && std::abs(usd) < 1 ? 4 : 2);
    const auto dot = text.find('.');
    while (text.size() > dot + 3 && text.back() == '0')
        text.pop_back();
    return text[0] == '-' ? "-$" + text.substr(1) : "$" + text;
}

// ---- the export -----------------------------------------------------------------------

namespace {

bool matches(Target t, Provider p)
{
    return t == Target::All || (t == Target::Gke && p == Provider::Gke) || (t == Target::Eks && p == Provider::Eks);
}

std::string lower(std::string s)
{
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return s;
}

void addNamespaces(ClusterContext& ctx)
{
    for (const auto& ns : ctx.namespaces) {
        if (ns == "default" || ns == "kube-system" || ns == "gmp-public")
            continue;
        Value doc = typed("v1", "Namespace", ns);
        ctx.add(Stage::Namespaces, std::move(doc));
    }
}

void exportCluster(ClusterContext& ctx, Bundle& bundle)
{
    const Cluster& c = ctx.cluster;
    if (!checkCluster(ctx))
        return;
    if (c.provider == Provider::Gke)
        exportGke(ctx);
    else
        exportEks(ctx);
    exportMonitoring(ctx);
    addNamespaces(ctx);

    // Manifests in apply order: stage first, then the order they were produced in.
    std::stable_sort(ctx.manifests.begin(), ctx.manifests.end(),
                     [](const Manifest& a, const Manifest& b) { return a.stage < b.stage; });
    const size_t width = std::max<size_t>(2, std::to_string(ctx.manifests.size()).size());
    std::vector<std::string> names;
    const std::vector<std::string> header = {
        "Exported by Clusterwright from plan '" + ctx.plan.name + "', cluster '" + c.name + "'.",
        "Apply with: kubectl apply -f manifests/ (see ../README.md for the order of all steps).",
    };
    for (size_t i = 0; i < ctx.manifests.size(); ++i) {
        Manifest& m = ctx.manifests[i];
        std::string nn = std::to_string(i + 1);
        nn.insert(0, width - nn.size(), '0');
        const std::string file = nn + "-" + lower(m.kind) + "-" + m.name + ".yaml";
        m.file = "manifests/" + file;
        names.push_back(m.file);
        std::string text;
        if (!m.raw.empty()) {
            for (const auto& line : header)
                text += "# " + commentSafe(line) + "\n";
            text += m.raw;
            if (text.back() != '\n')
                text += '\n';
        } else {
            text = toYaml(m.doc, header);
        }
        bundle.files.push_back({c.name + "/manifests/" + file, text, false});
    }
    for (auto& f : ctx.extraFiles) {
        f.path = c.name + "/" + f.path;
        names.push_back(f.path.substr(c.name.size() + 1));
        bundle.files.push_back(f);
    }
    bundle.files.push_back({c.name + "/commands.sh", renderScript(ctx), true});
    bundle.files.push_back({c.name + "/README.md", renderReadme(ctx, names), false});
    bundle.clusters.push_back(c.name);
}

} // namespace

Bundle exportBundle(const Plan& plan, const catalog::Catalog& catalog, const ExportOptions& options)
{
    Bundle bundle;
    bool any = false;
    for (const auto& c : plan.clusters) {
        if (!matches(options.target, c.provider))
            continue;
        any = true;
        ClusterContext ctx(plan, c, catalog, options, bundle.diagnostics);
        exportCluster(ctx, bundle);
    }
    if (!any) {
        bundle.diagnostics.add("CW511", {plan.sourceFile, plan.origin.where.line, plan.origin.where.column},
                               {toString(options.target)});
    }
    if (bundle.diagnostics.hasErrors()) {
        bundle.files.clear();
        bundle.clusters.clear();
        return bundle;
    }
    std::sort(bundle.files.begin(), bundle.files.end(),
              [](const BundleFile& a, const BundleFile& b) { return a.path < b.path; });
    std::string index = "# Clusterwright export bundle: the files below were written by the export.\n"
                        "# A later export into this folder replaces them and removes those it no longer writes.\n"
                        "clusterwright-bundle 1\n";
    for (const auto& f : bundle.files)
        index += f.path + "\n";
    bundle.files.insert(bundle.files.begin(), {kBundleIndexFile, index, false});
    return bundle;
}

// ---- writing --------------------------------------------------------------------------

namespace {

bool safeRelativePath(const std::string& path)
{
    if (path.empty() || path.front() == '/')
        return false;
    std::stringstream ss(path);
    std::string part;
    while (std::getline(ss, part, '/')) {
        if (part.empty() || part == "." || part == "..")
            return false;
        for (char c : part) {
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
        }
    }
    return path.back() != '/';
}

// The files listed by an earlier bundle's index, or nullopt when there is no index.
std::optional<std::vector<std::string>> readIndex(const fs::path& dir)
{
    std::ifstream in(dir / kBundleIndexFile);
    if (!in)
        return std::nullopt;
    std::vector<std::string> files;
    std::string line;
    bool marked = false;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        if (!marked) {
            if (line.rfind("clusterwright-bundle ", 0) != 0)
                return std::nullopt;
            marked = true;
            continue;
        }
        if (safeRelativePath(line))
            files.push_back(line);
    }
    if (!marked)
        return std::nullopt;
    return files;
}

} // namespace

WriteResult writeBundle(const Bundle& bundle, const std::string& dirText, const WriteOptions& options)
{
    WriteResult r;
    if (!bundle.ok() || bundle.files.empty()) {
        r.error = "the bundle has errors; nothing was written";
        return r;
    }
    for (const auto& f : bundle.files) {
        if (!safeRelativePath(f.path)) {
            r.error = "refusing to write outside the bundle folder: " + f.path;
            return r;
        }
    }
    const fs::path dir(dirText);
    std::error_code ec;
    std::optional<std::vector<std::string>> previous;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec)) {
            r.error = dirText + " exists and is not a folder";
            return r;
        }
        previous = readIndex(dir);
        const bool empty = fs::is_empty(dir, ec);
        if (!empty && !previous && !options.force) {
            r.refusedNonEmpty = true;
            r.error = dirText + " is not empty and holds no Clusterwright bundle; choose an empty folder or force the export";
            return r;
        }
    }
    fs::create_directories(dir, ec);
    if (ec) {
        r.error = "cannot create " + dirText + ": " + ec.message();
        return r;
    }
    // The index goes last, so that an interrupted export is still recognised as an older
    // bundle (its index lists what it wrote) and can be repeated.
    std::vector<const BundleFile*> order;
    for (const auto& f : bundle.files) {
        if (f.path != kBundleIndexFile)
            order.push_back(&f);
    }
    for (const auto& f : bundle.files) {
        if (f.path == kBundleIndexFile)
            order.push_back(&f);
    }
    for (const BundleFile* f : order) {
        const fs::path target = dir / f->path;
        fs::create_directories(target.parent_path(), ec);
        if (ec) {
            r.error = "cannot create " + target.parent_path().string() + ": " + ec.message();
            return r;
        }
        std::string error;
        if (!io::writeFileAtomically(target.string(), f->content, &error)) {
            r.error = error;
            return r;
        }
        if (f->executable && ::chmod(target.c_str(), 0755) != 0) {
            r.error = "cannot make " + target.string() + " executable";
            return r;
        }
        r.written.push_back(f->path);
    }
    if (previous) {
        std::set<std::string> now;
        for (const auto& f : bundle.files)
            now.insert(f.path);
        for (const auto& old : *previous) {
            if (now.count(old))
                continue;
            const fs::path p = dir / old;
            if (fs::is_regular_file(fs::symlink_status(p, ec)) && fs::remove(p, ec)) {
                r.removed.push_back(old);
                // Remove folders the old bundle left empty (manifests/, the cluster folder).
                for (fs::path parent = p.parent_path(); parent != dir && fs::is_empty(parent, ec);
                     parent = parent.parent_path()) {
                    if (!fs::remove(parent, ec))
                        break;
                }
            }
        }
    }
    r.ok = true;
    return r;
}

} // namespace cw::exporter
