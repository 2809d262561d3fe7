// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "i18n/translations.h"

#include "io/yamlreader.h"
#include "model/plan.h"

#include <cstdio>

namespace cw::cli {

namespace {

std::string money(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

std::string number(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string acceleratorText(const catalog::MachineType& m)
{
    if (m.gpu)
        return std::to_string(m.gpu->count) + " × " + m.gpu->type;
    if (m.neuron)
        return std::to_string(m.neuron->count) + " × " + m.neuron->type;
    if (m.tpu)
        return std::to_string(m.tpu->chips) + " × TPU " + m.tpu->generation;
    if (!m.gpuOptions.empty()) {
        std::string s;
        for (const auto& o : m.gpuOptions)
            s += (s.empty() ? "+ " : " or ") + o.type;
        return s;
    }
    return "-";
}

nlohmann::json priceJson(const catalog::PricePoint& p, const catalog::Catalog& cat)
{
    nlohmann::json j;
    j["usd"] = p.usd ? nlohmann::json(*p.usd) : nlohmann::json(nullptr);
    j["source"] = p.source;
    j["asOf"] = p.asOf;
    j["unverified"] = p.unverified;
    if (!p.note.empty())
        j["note"] = p.note;
    if (const catalog::Source* s = cat.source(p.source)) {
        j["sourceTitle"] = s->title;
        if (!s->url.empty())
            j["sourceUrl"] = s->url;
    }
    return j;
}

nlohmann::json machineJson(const catalog::Catalog& cat, const catalog::PriceBook& book,
                           const catalog::MachineType& m, bool detail)
{
    const auto od = cat.machinePrice(book.provider, m, model::Capacity::OnDemand);
    const auto sp = cat.machinePrice(book.provider, m, model::Capacity::Spot);
    nlohmann::json j = {
        {"name", m.name},
        {"provider", model::toString(book.provider)},
        {"region", book.region},
        {"family", m.family},
        {"category", catalog::toString(m.category)},
        {"vcpu", m.vcpu},
        {"memoryGiB", m.memoryGiB},
        {"onDemandHourly", od.known ? nlohmann::json(od.usdPerHour) : nlohmann::json(nullptr)},
        {"spotHourly", sp.known ? nlohmann::json(sp.usdPerHour) : nlohmann::json(nullptr)},
        {"unverified", od.unverified || sp.unverified},
    };
    if (m.gpu)
        j["gpu"] = {{"type", m.gpu->type}, {"count", m.gpu->count}};
    if (m.neuron)
        j["neuron"] = {{"type", m.neuron->type}, {"count", m.neuron->count}};
    if (m.tpu)
        j["tpu"] = {{"generation", m.tpu->generation}, {"chips", m.tpu->chips}};
    if (m.maxPods)
        j["maxPods"] = *m.maxPods;
    if (detail) {
        j["onDemandParts"] = od.parts;
        j["spotParts"] = sp.parts;
        nlohmann::json prices = nlohmann::json::array();
        for (const auto* p : od.points)
            prices.push_back(priceJson(*p, cat));
        for (const auto* p : sp.points) {
            if (std::find(od.points.begin(), od.points.end(), p) == od.points.end())
                prices.push_back(priceJson(*p, cat));
        }
        j["prices"] = prices;
        if (m.localSsdGiB)
            j["localSsdGiB"] = *m.localSsdGiB;
        if (m.networkGbps)
            j["networkGbps"] = *m.networkGbps;
        if (m.efaInterfaces)
            j["efaInterfaces"] = m.efaInterfaces;
        if (!m.gpuOptions.empty()) {
            nlohmann::json opts = nlohmann::json::array();
            for (const auto& o : m.gpuOptions)
                opts.push_back({{"type", o.type}, {"counts", o.counts}});
            j["gpuOptions"] = opts;
        }
        j["confidence"] = catalog::toString(m.fact.confidence);
        if (!m.note.empty())
            j["note"] = m.note;
    }
    return j;
}

std::string pad(const std::string& s, size_t width)
{
    return displayWidth(s) >= width ? s + " " : fit(s, -int(width));
}

int list(const Args& args, const catalog::Catalog& cat)
{
    std::optional<model::Provider> only;
    if (auto p = args.value("provider")) {
        only = model::enumFromString<model::Provider>(*p);
        if (!only)
            return usageError(Cli::tr("--provider must be gke or eks, not '%1'").arg(QString::fromStdString(*p)));
    }
    nlohmann::json items = nlohmann::json::array();
    std::string text;
    bool anyUnverified = false;
    size_t nameWidth = 14, accWidth = 14;
    for (const auto& book : cat.priceBooks()) {
        for (const auto& m : book.machineTypes) {
            nameWidth = std::max(nameWidth, m.name.size() + 2);
            accWidth = std::max(accWidth, acceleratorText(m).size() + 2);
        }
    }
    for (const auto& book : cat.priceBooks()) {
        if (only && book.provider != *only)
            continue;
        if (!args.json) {
            text += Cli::tr("%1 %2 (prices in USD per hour)\n")
                        .arg(QString::fromLatin1(book.provider == model::Provider::Gke ? "GKE" : "EKS"),
                             QString::fromStdString(book.region))
                        .toStdString();
            text += pad(Cli::tr("machine type").toStdString(), nameWidth) + pad(Cli::tr("category").toStdString(), 18)
                  + pad("vCPU", 7) + pad(Cli::tr("mem GiB").toStdString(), 9) + pad(Cli::tr("accelerators").toStdString(), accWidth)
                  + pad(Cli::tr("on-demand").toStdString(), 12) + Cli::tr("spot").toStdString() + "\n";
        }
        for (const auto& m : book.machineTypes) {
            if (args.json) {
                items.push_back(machineJson(cat, book, m, false));
                continue;
            }
            const auto od = cat.machinePrice(book.provider, m, model::Capacity::OnDemand);
            const auto sp = cat.machinePrice(book.provider, m, model::Capacity::Spot);
            const bool unverified = od.unverified || sp.unverified;
            anyUnverified = anyUnverified || unverified;
            text += pad(m.name, nameWidth) + pad(catalog::toString(m.category), 18) + pad(number(m.vcpu), 7)
                  + pad(number(m.memoryGiB), 9) + pad(acceleratorText(m), accWidth)
                  + pad(od.known ? money(od.usdPerHour) : "n/a", 12) + (sp.known ? money(sp.usdPerHour) : "n/a")
                  + (unverified ? "  (!)" : "") + "\n";
        }
        if (!args.json)
            text += "\n";
    }
    if (args.json) {
        printJson({{"priceDate", cat.priceDate()}, {"machineTypes", items}});
    } else {
        if (anyUnverified)
            text += Cli::tr("(!) the catalog marks a part of this price as unverified; see 'catalog show TYPE'.\n").toStdString();
        text += Cli::tr("Prices as of %1.\n").arg(i18n::priceDateText(cat.priceDate())).toStdString();
        out(text);
    }
    return kOk;
}

int show(const Args& args, const catalog::Catalog& cat)
{
    if (args.positional.size() != 2)
        return usageError(Cli::tr("catalog show needs one machine type"));
    const std::string& name = args.positional[1];
    nlohmann::json found = nlohmann::json::array();
    std::string text;
    for (const auto& book : cat.priceBooks()) {
        const catalog::MachineType* m = book.machineType(name);
        if (!m)
            continue;
        nlohmann::json j = machineJson(cat, book, *m, true);
        found.push_back(j);
        if (args.json)
            continue;
        text += name + " (" + model::toString(book.provider) + ", " + book.region + ")\n";
        text += "  " + Cli::tr("category").toStdString() + ": " + catalog::toString(m->category) + "\n";
        text += "  vCPU: " + number(m->vcpu) + ", " + Cli::tr("memory").toStdString() + ": " + number(m->memoryGiB) + " GiB\n";
        text += "  " + Cli::tr("accelerators").toStdString() + ": " + acceleratorText(*m) + "\n";
        if (m->maxPods)
            text += "  " + Cli::tr("max Pods per node").toStdString() + ": " + std::to_string(*m->maxPods) + "\n";
        for (auto cap : {model::Capacity::OnDemand, model::Capacity::Spot}) {
            const auto p = cat.machinePrice(book.provider, *m, cap);
            text += "  " + std::string(model::toString(cap)) + ": "
                  + (p.known ? "$" + money(p.usdPerHour) + "/h" : std::string("n/a")) + " = "
                  + io::joinNames(p.parts, " + ") + (p.unverified ? "  (" + Cli::tr("unverified").toStdString() + ")" : "") + "\n";
        }
        text += "  " + Cli::tr("sources").toStdString() + ":\n";
        for (const auto& price : j["prices"]) {
            text += "    - " + price["source"].get<std::string>() + " (" + price["asOf"].get<std::string>() + ")";
            if (price.contains("sourceTitle"))
                text += ": " + price["sourceTitle"].get<std::string>();
            text += "\n";
            if (price["unverified"].get<bool>())
                text += "      " + Cli::tr("unverified").toStdString() + (price.contains("note") ? ": " + price["note"].get<std::string>() : "") + "\n";
        }
        if (!m->note.empty())
            text += "  " + Cli::tr("note").toStdString() + ": " + m->note + "\n";
    }
    if (found.empty()) {
        std::vector<std::string> names;
        for (const auto& book : cat.priceBooks())
            for (const auto& m : book.machineTypes)
                names.push_back(m.name);
        const std::string s = diag::closestMatch(name, names);
        err(Cli::tr("clusterwright-cli: unknown machine type '%1'").arg(QString::fromStdString(name)).toStdString()
            + (s.empty() ? "" : Cli::tr("; did you mean '%1'?").arg(QString::fromStdString(s)).toStdString()) + "\n");
        return kPlanErrors;
    }
    if (args.json)
        printJson(found.size() == 1 ? found[0] : found);
    else
        out(text);
    return kOk;
}

} // namespace

int runCatalog(const Args& args)
{
    if (!args.onlyOptions({"provider"}))
        return kUsage;
    if (args.positional.empty())
        return usageError(Cli::tr("catalog needs a sub-command: list or show TYPE"));
    auto cat = loadCatalog(args);
    if (!cat)
        return kUsage;
    const std::string& sub = args.positional.front();
    if (sub == "list")
        return list(args, *cat);
    if (sub == "show")
        return show(args, *cat);
    return usageError(Cli::tr("unknown catalog sub-command '%1'; use list or show").arg(QString::fromStdString(sub)));
}

} // namespace cw::cli
