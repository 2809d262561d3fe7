// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldtext.h"

#include "io/planreader.h"
#include "model/names.h"
#include "model/quantity.h"

#include <QCoreApplication>
#include <QStringList>

namespace cw::document::fieldtext {

using namespace cw::model;

namespace {

QString tr2(const char* text)
{
    return QCoreApplication::translate("FieldText", text);
}

QStringList splitItems(const QString& text, QChar sep)
{
    QStringList out;
    for (const QString& part : text.split(sep, Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

std::string s(const QString& q)
{
    return q.toStdString();
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

bool setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QString formatStringMap(const std::map<std::string, std::string>& map)
{
    QStringList parts;
    for (const auto& [k, v] : map)
        parts << q(k) + QLatin1Char('=') + q(v);
    return parts.join(QStringLiteral(", "));
}

std::optional<std::map<std::string, std::string>> parseLabels(const QString& text, QString* error)
{
    std::map<std::string, std::string> out;
    for (const QString& item : splitItems(text, QLatin1Char(','))) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq < 0) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1' is not key=value")).arg(item));
            return std::nullopt;
        }
        const std::string key = s(item.left(eq).trimmed());
        const std::string value = s(item.mid(eq + 1).trimmed());
        if (const std::string p = labelKeyProblem(key); !p.empty()) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "label key '%1': %2")).arg(q(key), q(p)));
            return std::nullopt;
        }
        if (const std::string p = labelValueProblem(value); !p.empty()) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "label value '%1': %2")).arg(q(value), q(p)));
            return std::nullopt;
        }
        if (out.count(key)) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "key '%1' is given twice")).arg(q(key)));
            return std::nullopt;
        }
        out[key] = value;
    }
    return out;
}

QString formatTaints(const std::vector<Taint>& taints)
{
    QStringList parts;
    for (const auto& t : taints) {
        QString text = q(t.key);
        if (!t.value.empty())
            text += QLatin1Char('=') + q(t.value);
        parts << text + QLatin1Char(':') + QLatin1String(toString(t.effect));
    }
    return parts.join(QStringLiteral("; "));
}

namespace {

std::optional<TaintEffect> parseEffect(const QString& text, QString* error)
{
    if (auto e = enumFromString<TaintEffect>(s(text)))
        return e;
    QStringList names;
    for (const auto& n : enumNames<TaintEffect>())
        names << q(n);
    setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1' is not a taint effect; expected %2"))
                        .arg(text, names.join(QStringLiteral(", "))));
    return std::nullopt;
}

bool checkKey(const std::string& key, QString* error)
{
    if (const std::string p = labelKeyProblem(key); !p.empty())
        return setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "key '%1': %2")).arg(q(key), q(p)));
    return true;
}

} // namespace

std::optional<std::vector<Taint>> parseTaints(const QString& text, QString* error)
{
    std::vector<Taint> out;
    for (const QString& item : splitItems(text, QLatin1Char(';'))) {
        const qsizetype colon = item.lastIndexOf(QLatin1Char(':'));
        if (colon < 0) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1' is not key=value:Effect")).arg(item));
            return std::nullopt;
        }
        Taint t;
        const QString kv = item.left(colon).trimmed();
        const auto effect = parseEffect(item.mid(colon + 1).trimmed(), error);
        if (!effect)
            return std::nullopt;
        t.effect = *effect;
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        t.key = s(eq < 0 ? kv : kv.left(eq).trimmed());
        t.value = eq < 0 ? std::string() : s(kv.mid(eq + 1).trimmed());
        if (!checkKey(t.key, error))
            return std::nullopt;
        if (const std::string p = labelValueProblem(t.value); !p.empty()) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "taint value '%1': %2")).arg(q(t.value), q(p)));
            return std::nullopt;
        }
        out.push_back(t);
    }
    return out;
}

QString formatTolerations(const std::vector<Toleration>& tolerations)
{
    QStringList parts;
    for (const auto& t : tolerations) {
        QString text;
        if (t.op == TolerationOperator::Exists)
            text = t.key.empty() ? QStringLiteral("*") : q(t.key);
        else
            text = q(t.key) + QLatin1Char('=') + q(t.value);
        if (t.effect)
            text += QLatin1Char(':') + QLatin1String(toString(*t.effect));
        parts << text;
    }
    return parts.join(QStringLiteral("; "));
}

std::optional<std::vector<Toleration>> parseTolerations(const QString& text, QString* error)
{
    std::vector<Toleration> out;
    for (const QString& item : splitItems(text, QLatin1Char(';'))) {
        Toleration t;
        QString kv = item;
        const qsizetype colon = item.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0) {
            const auto effect = parseEffect(item.mid(colon + 1).trimmed(), error);
            if (!effect)
                return std::nullopt;
            t.effect = *effect;
            kv = item.left(colon).trimmed();
        }
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq < 0) {
            t.op = TolerationOperator::Exists;
            t.key = kv == QLatin1String("*") ? std::string() : s(kv);
        } else {
            t.op = TolerationOperator::Equal;
            t.key = s(kv.left(eq).trimmed());
            t.value = s(kv.mid(eq + 1).trimmed());
            if (const std::string p = labelValueProblem(t.value); !p.empty()) {
                setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "toleration value '%1': %2")).arg(q(t.value), q(p)));
                return std::nullopt;
            }
        }
        if (!t.key.empty() && !checkKey(t.key, error))
            return std::nullopt;
        out.push_back(t);
    }
    return out;
}

QString formatList(const std::vector<std::string>& list)
{
    QStringList parts;
    for (const auto& item : list)
        parts << q(item);
    return parts.join(QStringLiteral(", "));
}

std::vector<std::string> parseList(const QString& text)
{
    std::vector<std::string> out;
    for (const QString& item : splitItems(text, QLatin1Char(',')))
        out.push_back(s(item));
    return out;
}

QString formatPorts(const std::vector<int>& ports)
{
    QStringList parts;
    for (int p : ports)
        parts << QString::number(p);
    return parts.join(QStringLiteral(", "));
}

std::optional<std::vector<int>> parsePorts(const QString& text, QString* error)
{
    std::vector<int> out;
    for (const QString& item : splitItems(text, QLatin1Char(','))) {
        bool ok = false;
        const int port = item.toInt(&ok);
        if (!ok || port < 1 || port > io::PlanLimits::kMaxPort) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1' is not a port number (1..%2)")).arg(item).arg(io::PlanLimits::kMaxPort));
            return std::nullopt;
        }
        out.push_back(port);
    }
    return out;
}

QString formatHostPaths(const std::vector<HostPathMount>& paths)
{
    QStringList parts;
    for (const auto& m : paths)
        parts << q(m.path) + (m.readOnly ? QStringLiteral(":ro") : QStringLiteral(":rw"));
    return parts.join(QStringLiteral(", "));
}

std::optional<std::vector<HostPathMount>> parseHostPaths(const QString& text, QString* error)
{
    std::vector<HostPathMount> out;
    for (QString item : splitItems(text, QLatin1Char(','))) {
        HostPathMount m;
        if (item.endsWith(QLatin1String(":rw"))) {
            m.readOnly = false;
            item.chop(3);
        } else if (item.endsWith(QLatin1String(":ro"))) {
            item.chop(3);
        }
        if (!item.startsWith(QLatin1Char('/'))) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1' is not an absolute path")).arg(item));
            return std::nullopt;
        }
        m.path = s(item);
        out.push_back(m);
    }
    return out;
}

QString formatExtended(const std::map<std::string, int64_t>& extended)
{
    QStringList parts;
    for (const auto& [k, v] : extended)
        parts << q(k) + QLatin1Char('=') + QString::number(v);
    return parts.join(QStringLiteral(", "));
}

std::optional<std::map<std::string, int64_t>> parseExtended(const QString& text, QString* error)
{
    std::map<std::string, int64_t> out;
    for (const QString& item : splitItems(text, QLatin1Char(','))) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq < 0) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1' is not resource=quantity")).arg(item));
            return std::nullopt;
        }
        const std::string key = s(item.left(eq).trimmed());
        if (!checkKey(key, error))
            return std::nullopt;
        QuantityError qe;
        const auto v = parseQuantity(s(item.mid(eq + 1).trimmed()), 1, &qe);
        if (!v) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1': %2")).arg(q(key), q(qe.reason)));
            return std::nullopt;
        }
        out[key] = *v;
    }
    return out;
}

QString formatDaemonSets(const std::vector<DaemonSet>& daemonSets)
{
    QStringList parts;
    for (const auto& d : daemonSets) {
        QString text = q(d.name) + QLatin1Char('=') + q(formatCpuMilli(d.cpuMilli)) + QLatin1Char('/') + q(formatBytes(d.memoryBytes));
        if (d.nodes != DaemonSetNodes::All)
            text += QLatin1Char('@') + QLatin1String(toString(d.nodes));
        parts << text;
    }
    return parts.join(QStringLiteral("; "));
}

std::optional<std::vector<DaemonSet>> parseDaemonSets(const QString& text, QString* error)
{
    std::vector<DaemonSet> out;
    for (const QString& item : splitItems(text, QLatin1Char(';'))) {
        DaemonSet d;
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        const qsizetype slash = item.indexOf(QLatin1Char('/'), eq);
        if (eq < 0 || slash < 0) {
            setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1' is not name=cpu/memory[@nodes]")).arg(item));
            return std::nullopt;
        }
        d.name = s(item.left(eq).trimmed());
        if (const QString p = nameProblem(q(d.name), io::PlanLimits::kMaxWorkloadNameLength, false); !p.isEmpty()) {
            setError(error, p);
            return std::nullopt;
        }
        QString rest = item.mid(slash + 1).trimmed();
        if (const qsizetype at = rest.indexOf(QLatin1Char('@')); at >= 0) {
            const auto nodes = enumFromString<DaemonSetNodes>(s(rest.mid(at + 1).trimmed()));
            if (!nodes) {
                QStringList names;
                for (const auto& n : enumNames<DaemonSetNodes>())
                    names << q(n);
                setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1' is not one of %2"))
                                    .arg(rest.mid(at + 1).trimmed(), names.join(QStringLiteral(", "))));
                return std::nullopt;
            }
            d.nodes = *nodes;
            rest = rest.left(at);
        }
        const auto cpu = parseCpu(item.mid(eq + 1, slash - eq - 1), io::PlanLimits::kMaxDaemonSetCpuMilli, error);
        if (!cpu)
            return std::nullopt;
        const auto memory = parseBytes(rest, io::PlanLimits::kMaxDaemonSetMemory, error);
        if (!memory)
            return std::nullopt;
        d.cpuMilli = *cpu;
        d.memoryBytes = *memory;
        out.push_back(d);
    }
    return out;
}

std::optional<int64_t> parseCpu(const QString& text, int64_t maxMilli, QString* error)
{
    QuantityError qe;
    const auto v = parseCpuMilli(s(text.trimmed()), &qe);
    if (!v) {
        setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1': %2")).arg(text.trimmed(), q(qe.reason)));
        return std::nullopt;
    }
    if (*v <= 0 || *v > maxMilli) {
        setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "must be more than 0 and at most %1"))
                            .arg(q(humanCpu(maxMilli))));
        return std::nullopt;
    }
    return v;
}

std::optional<int64_t> parseBytes(const QString& text, int64_t maxBytes, QString* error)
{
    QuantityError qe;
    const auto v = model::parseBytes(s(text.trimmed()), &qe);
    if (!v) {
        setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "'%1': %2")).arg(text.trimmed(), q(qe.reason)));
        return std::nullopt;
    }
    if (*v > maxBytes) {
        setError(error, tr2(QT_TRANSLATE_NOOP("FieldText", "must be at most %1")).arg(q(humanBytes(maxBytes))));
        return std::nullopt;
    }
    return v;
}

QString nameProblem(const QString& name, size_t maxLength, bool startWithLetter)
{
    const std::string p = dnsLabelProblem(s(name), maxLength, startWithLetter);
    if (p.empty())
        return {};
    return tr2(QT_TRANSLATE_NOOP("FieldText", "%1; for example '%2'"))
        .arg(q(p), q(suggestDnsLabel(s(name), maxLength, startWithLetter)));
}

} // namespace cw::document::fieldtext
