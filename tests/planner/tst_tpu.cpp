// SPDX-License-Identifier: GPL-3.0-or-later
// TPU slices: every row of the topology tables of the Cloud TPU documentation (catalog sources cloud-tpu-*), the source chapter's
// errors, slice names, equivalent topologies, host mapping and the plan checks.
#include "catalog/catalog.h"
#include "check/plancheck.h"
#include "io/planreader.h"
#include "tpu/names.h"
#include "tpu/slice.h"
#include "tpu/tpuplan.h"

#include <QDir>
#include <QtTest>

#include <set>

using namespace cw;

namespace {

const catalog::Catalog& cat()
{
    return catalog::Catalog::embedded();
}

const catalog::TpuGeneration& gen(const QString& name)
{
    const catalog::TpuGeneration* g = cat().tpuGeneration(name.toStdString());
    if (!g)
        qFatal("no TPU generation %s in the catalog", qPrintable(name));
    return *g;
}

QString layouts(const tpu::Slice& s)
{
    QStringList out;
    for (const auto& l : s.layouts)
        out << QStringLiteral("%1×%2 %3").arg(l.hosts).arg(QString::fromStdString(l.machineType), QLatin1String(tpu::toString(l.scope)));
    return out.join(QStringLiteral(" | "));
}

QStringList topologies(const std::vector<tpu::Slice>& slices)
{
    QStringList out;
    for (const auto& s : slices)
        out << QString::fromStdString(s.topology.text());
    return out;
}

QStringList messages(const diag::Diagnostics& d)
{
    QStringList out;
    for (const auto& x : d.items())
        out << QString::fromStdString(x.code + ": " + x.message());
    return out;
}

} // namespace

class TestTpu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parsed"); // empty: not a topology
        QTest::newRow("2d") << "4x4" << "4x4";
        QTest::newRow("3d") << "2x2x4" << "2x2x4";
        QTest::newRow("upper-case X") << "16X16" << "16x16";
        QTest::newRow("spaces around") << " 4x8 " << "4x8";
        QTest::newRow("one axis") << "16" << "";
        QTest::newRow("four axes") << "2x2x2x2" << "";
        QTest::newRow("zero") << "0x4" << "";
        QTest::newRow("trailing x") << "4x4x" << "";
        QTest::newRow("negative") << "-4x4" << "";
        QTest::newRow("letters") << "ax4" << "";
        QTest::newRow("huge") << "4x999999999" << "";
        QTest::newRow("empty") << "" << "";
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, parsed);
        const auto t = tpu::parseTopology(text.toStdString());
        QCOMPARE(t ? QString::fromStdString(t->text()) : QString(), parsed);
    }

    // The 2D topology table (cloud-tpu-v5e, cloud-tpu-v6e): topology, chips, VMs × machine, scope.
    void table2d_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::addColumn<QString>("topology");
        QTest::addColumn<int>("chips");
        QTest::addColumn<QString>("layouts");
        QTest::addColumn<QString>("wraparound");
        const char* rows[][4] = {
            {"1x1", "1", "1×%1-1t sub-host", "none"},
            {"2x2", "4", "1×%1-4t sub-host", "none"},
            {"2x4", "8", "1×%1-8t single-host | 2×%1-4t multi-host", "none"},
            {"4x4", "16", "4×%1-4t multi-host", "none"},
            {"4x8", "32", "8×%1-4t multi-host", "none"},
            {"8x8", "64", "16×%1-4t multi-host", "none"},
            {"8x16", "128", "32×%1-4t multi-host", "y"},
            {"16x16", "256", "64×%1-4t multi-host", "x y"},
        };
        for (const char* g : {"v5e", "v6e"}) {
            const QString machine = QLatin1String(g) == QLatin1String("v5e") ? QStringLiteral("ct5lp-hightpu") : QStringLiteral("ct6e-standard");
            for (const auto& r : rows) {
                QTest::addRow("%s %s", g, r[0]) << QString::fromLatin1(g) << QString::fromLatin1(r[0]) << QByteArray(r[1]).toInt()
                                                << QString::fromUtf8(r[2]).arg(machine) << QString::fromLatin1(r[3]);
            }
        }
    }
    void table2d()
    {
        QFETCH(QString, generation);
        QFETCH(QString, topology);
        QFETCH(int, chips);
        QFETCH(QString, layouts);
        QFETCH(QString, wraparound);
        const auto check = tpu::checkTopology(gen(generation), topology.toStdString());
        QVERIFY2(check.ok(), qPrintable(messages(check.problems).join(QLatin1Char('\n'))));
        const tpu::Slice& s = *check.slice;
        QCOMPARE(s.chips, chips);
        QCOMPARE(s.tensorCores, chips); // one TensorCore per chip
        QCOMPARE(::layouts(s), layouts);
        QCOMPARE(QString::fromStdString(s.wraparoundText()), wraparound);
        QCOMPARE(s.twisted, false);
        QCOMPARE(s.cubes, 0);
        // google.com/tpu per Pod is the chips of one VM: 4 on every multi-host slice.
        for (const auto& l : s.layouts)
            QCOMPARE(l.tpuPerPod(), l.isMultiHost() ? 4 : chips);
        // v5e and v6e names count chips.
        QCOMPARE(QString::fromStdString(s.name),
                 QStringLiteral("%1-%2").arg(generation == QLatin1String("v5e") ? QStringLiteral("v5litepod") : generation).arg(chips));
    }

    // The 3D topology table (cloud-tpu-v5p) (the v5p table; v4 and TPU7x use the same cube geometry).
    void table3d_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::addColumn<QString>("topology");
        QTest::addColumn<int>("tensorCores");
        QTest::addColumn<int>("chips");
        QTest::addColumn<int>("hosts");
        QTest::addColumn<int>("cubes");
        QTest::addColumn<bool>("twisted");
        QTest::addColumn<QString>("wraparound");
        struct Row {
            const char* topology;
            int tensorCores, chips, hosts, cubes;
            bool twisted;
            const char* wraparound;
        };
        const Row rows[] = {
            {"2x2x1", 8, 4, 1, 0, false, "none"},
            {"2x2x2", 16, 8, 2, 0, false, "none"},
            {"2x2x4", 32, 16, 4, 0, false, "none"},
            {"2x4x4", 64, 32, 8, 0, false, "none"},
            {"4x4x4", 128, 64, 16, 1, false, "x y z"},
            {"4x4x8", 256, 128, 32, 2, true, "x y z"},
            {"4x8x8", 512, 256, 64, 4, true, "x y z"},
            {"8x8x8", 1024, 512, 128, 8, false, "x y z"},
            {"8x8x16", 2048, 1024, 256, 16, true, "x y z"},
            {"8x16x16", 4096, 2048, 512, 32, true, "x y z"},
            {"16x16x16", 8192, 4096, 1024, 64, false, "x y z"},
            {"16x16x24", 12288, 6144, 1536, 96, false, "x y z"},
        };
        for (const char* g : {"v4", "v5p", "tpu7x"}) {
            for (const Row& r : rows) {
                if (QByteArray(g) == "v4" && r.cubes > 64)
                    continue; // v4: at most 64 cubes (the v4 pod is 4096 chips)
                QTest::addRow("%s %s", g, r.topology) << QString::fromLatin1(g) << QString::fromLatin1(r.topology)
                                                      << r.tensorCores << r.chips << r.hosts << r.cubes << r.twisted
                                                      << QString::fromLatin1(r.wraparound);
            }
        }
    }
    void table3d()
    {
        QFETCH(QString, generation);
        QFETCH(QString, topology);
        QFETCH(int, tensorCores);
        QFETCH(int, chips);
        QFETCH(int, hosts);
        QFETCH(int, cubes);
        QFETCH(bool, twisted);
        QFETCH(QString, wraparound);
        const auto check = tpu::checkTopology(gen(generation), topology.toStdString());
        QVERIFY2(check.ok(), qPrintable(messages(check.problems).join(QLatin1Char('\n'))));
        const tpu::Slice& s = *check.slice;
        QCOMPARE(s.tensorCores, tensorCores);
        QCOMPARE(s.chips, chips);
        QCOMPARE(s.cubes, cubes);
        QCOMPARE(s.twisted, twisted);
        QCOMPARE(QString::fromStdString(s.wraparoundText()), wraparound);
        // Number of VMs = chips / 4, every one a 4-chip host holding a 2x2x1 block.
        const tpu::HostLayout& l = s.layout();
        QCOMPARE(l.hosts, hosts);
        QCOMPARE(l.chipsPerHost, 4);
        QCOMPARE(l.tpuPerPod(), 4);
        QCOMPARE(QString::fromStdString(l.hostShape.text()), QStringLiteral("2x2x1"));
        QCOMPARE(l.scope, hosts == 1 ? tpu::Scope::SingleHost : tpu::Scope::MultiHost);
        // v4, v5p and tpu7x names count TensorCores.
        QCOMPARE(QString::fromStdString(s.name), QStringLiteral("%1-%2").arg(generation).arg(tensorCores));
    }

    // The source chapter's errors and other shapes that are not valid.
    void invalid_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::addColumn<QString>("topology");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("reason");  // a part of the message
        QTest::addColumn<QString>("nearest"); // the nearest valid choices, best first
        QTest::newRow("v4 4x4x1") << "v4" << "4x4x1" << "CW404" << "every axis must be a multiple of 4" << "2x2x4,2x4x4,4x4x4";
        QTest::newRow("v4 8x8x2") << "v4" << "8x8x2" << "CW404" << "every axis must be a multiple of 4" << "4x4x8,4x8x8,8x8x8";
        QTest::newRow("v5p 4x4x1") << "v5p" << "4x4x1" << "CW404" << "small shapes 2x2x1, 2x2x2, 2x2x4, 2x4x4" << "2x2x4,2x4x4,4x4x4";
        QTest::newRow("v5p 8x8x2") << "v5p" << "8x8x2" << "CW404" << "whole cubes of 4x4x4 chips" << "4x4x8,4x8x8,8x8x8";
        QTest::newRow("v4 small shape turned") << "v4" << "4x2x2" << "CW404" << "small shapes" << "2x2x4,2x2x2,2x4x4";
        QTest::newRow("v4 1x1x1") << "v4" << "1x1x1" << "CW404" << "small shapes" << "2x2x1,2x2x2,2x2x4";
        QTest::newRow("v5p descending") << "v5p" << "8x4x4" << "CW405" << "write it as 4x4x8" << "4x4x8,4x4x12,4x4x4";
        QTest::newRow("tpu7x descending") << "tpu7x" << "4x8x4" << "CW405" << "A ≤ B ≤ C" << "4x4x8,4x4x12,4x4x4";
        QTest::newRow("v5p beyond 16x16x24") << "v5p" << "16x20x28" << "CW407" << "more than the largest v5p slice, 16x16x24 (6144 chips)" << "12x16x28,16x16x20,8x20x28";
        QTest::newRow("v4 beyond 64 cubes") << "v4" << "16x16x32" << "CW406" << "it is 128 cubes of 64 chips, and a v4 slice has at most 64 cubes" << "16x16x16,12x16x16,8x16x16";
        QTest::newRow("tpu7x beyond 144 cubes") << "tpu7x" << "16x24x28" << "CW406" << "at most 144 cubes" << "16x24x24,16x20x28,12x24x28";
        QTest::newRow("v4 axis over 256") << "v4" << "4x4x260" << "CW408" << "an axis of 260 chips is longer than 256" << "4x4x256,4x4x252,4x4x248";
        QTest::newRow("v5e 4x2") << "v5e" << "4x2" << "CW403" << "v5e supports 1x1, 2x2, 2x4, 4x4, 4x8, 8x8, 8x16, 16x16" << "2x4,2x2,4x4";
        QTest::newRow("v6e 32x32") << "v6e" << "32x32" << "CW403" << "v6e supports" << "16x16,8x16,8x8";
        QTest::newRow("v5e 3D") << "v5e" << "2x2x4" << "CW402" << "v5e slices are a 2D torus, written AxB" << "4x4,2x4,2x2";
        QTest::newRow("v4 2D") << "v4" << "4x4" << "CW402" << "v4 slices are a 3D torus, written AxBxC" << "2x2x4,2x4x4,4x4x4";
        QTest::newRow("malformed") << "v4" << "2x2x" << "CW401" << "is not a TPU topology" << "";
    }
    void invalid()
    {
        QFETCH(QString, generation);
        QFETCH(QString, topology);
        QFETCH(QString, code);
        QFETCH(QString, reason);
        QFETCH(QString, nearest);
        const auto check = tpu::checkTopology(gen(generation), topology.toStdString());
        QVERIFY(!check.ok());
        QCOMPARE(check.problems.size(), size_t(1));
        const diag::Diagnostic& d = check.problems.items().front();
        QCOMPARE(QString::fromStdString(d.code), code);
        QCOMPARE(d.severity, diag::Severity::Error);
        const QString message = QString::fromStdString(d.message());
        QVERIFY2(message.contains(reason), qPrintable(message));
        QCOMPARE(topologies(check.nearest).join(QLatin1Char(',')), nearest);
        for (const auto& n : check.nearest) {
            QVERIFY(tpu::checkTopology(gen(generation), n.topology.text()).ok());
            QVERIFY2(message.contains(QString::fromStdString(n.topology.text())), qPrintable(message));
        }
    }

    // Chip count → every valid topology with that count, best first.
    void equivalents_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::addColumn<int>("chips");
        QTest::addColumn<QString>("expected");
        QTest::newRow("v4 16") << "v4" << 16 << "2x2x4";
        QTest::newRow("v4 8") << "v4" << 8 << "2x2x2";
        QTest::newRow("v4 128, any order") << "v4" << 128 << "4x4x8,4x8x4,8x4x4";
        QTest::newRow("v5p 128, A ≤ B ≤ C") << "v5p" << 128 << "4x4x8";
        QTest::newRow("v5p 256") << "v5p" << 256 << "4x8x8,4x4x16";
        QTest::newRow("v5p 512") << "v5p" << 512 << "8x8x8,4x8x16,4x4x32";
        QTest::newRow("v5p 1152 (xpk's default 8x12x12 first)") << "v5p" << 1152 << "8x12x12,4x12x24,4x8x36,4x4x72";
        QTest::newRow("v5p 6144") << "v5p" << 6144 << "16x16x24,12x16x32,8x24x32,8x16x48,4x32x48,8x12x64,4x24x64,8x8x96,4x16x96,4x12x128,4x8x192";
        QTest::newRow("v5e 16") << "v5e" << 16 << "4x4";
        QTest::newRow("v5e 12: none") << "v5e" << 12 << "";
        QTest::newRow("v4 48: none") << "v4" << 48 << "";
        QTest::newRow("tpu7x 1") << "tpu7x" << 1 << "1x1x1";
        QTest::newRow("v5p 1: none") << "v5p" << 1 << "";
    }
    void equivalents()
    {
        QFETCH(QString, generation);
        QFETCH(int, chips);
        QFETCH(QString, expected);
        const auto slices = tpu::topologiesWithChips(gen(generation), chips);
        QStringList got = topologies(slices);
        QStringList want = expected.isEmpty() ? QStringList() : expected.split(QLatin1Char(','));
        if (!want.isEmpty() && want.last().endsWith(QLatin1String("..."))) {
            want.removeLast();
            got = got.mid(0, want.size());
        }
        QCOMPARE(got, want);
        for (const auto& s : slices) {
            QCOMPARE(s.chips, chips);
            QVERIFY(tpu::checkTopology(gen(generation), s.topology.text()).ok());
        }
    }

    // Every valid 3D shape follows the 3D topology rules (cloud-tpu-v4, cloud-tpu-v5p, cloud-tpu-tpu7x), and enumeration finds every
    // shape that checkTopology accepts (compared on all shapes up to 16 per axis).
    void enumerationMatchesRules_data()
    {
        QTest::addColumn<QString>("generation");
        for (const char* g : {"v4", "v5p", "tpu7x"})
            QTest::newRow(g) << QString::fromLatin1(g);
    }
    void enumerationMatchesRules()
    {
        QFETCH(QString, generation);
        const auto& g = gen(generation);
        std::set<std::string> enumerated;
        for (long long n : tpu::validChipCounts(g)) {
            for (const auto& s : tpu::topologiesWithChips(g, n)) {
                enumerated.insert(s.topology.text());
                const auto& d = s.topology.dims;
                const bool small = std::find(g.smallTopologies3d.begin(), g.smallTopologies3d.end(), s.topology.text())
                                   != g.smallTopologies3d.end();
                if (!small) {
                    for (int x : d)
                        QVERIFY(x % 4 == 0 && x <= 256);
                    QVERIFY(s.cubes <= *g.maxCubes);
                }
                if (g.ascendingDimensions && !small)
                    QVERIFY(std::is_sorted(d.begin(), d.end()));
            }
        }
        for (int a = 1; a <= 16; ++a) {
            for (int b = 1; b <= 16; ++b) {
                for (int c = 1; c <= 16; ++c) {
                    const std::string t = std::to_string(a) + "x" + std::to_string(b) + "x" + std::to_string(c);
                    QCOMPARE(tpu::describe(g, *tpu::parseTopology(t)).has_value(), enumerated.count(t) == 1);
                }
            }
        }
    }

    // The chapter: "TPU v4-32 = 32 chips on 4 hosts, 8 chips per host, topology 2x2x4".
    void chapterV4_32()
    {
        const auto r = tpu::lookupName(cat(), "v4-32");
        QVERIFY(r.ok());
        QCOMPARE(QString::fromStdString(r.generation->name), QStringLiteral("v4"));
        QCOMPARE(*r.chips, 16);
        QCOMPARE(QString::fromStdString(r.slices.front().topology.text()), QStringLiteral("2x2x4"));
        QCOMPARE(r.slices.front().layout().hosts, 4);
        QCOMPARE(r.slices.front().layout().chipsPerHost, 4);
        QCOMPARE(QString::fromStdString(r.notes.items().front().message()),
                 QStringLiteral("v4-32 counts TensorCores (2 per chip): 16 chips, topology 2x2x4, 4 hosts × 4 chips "
                                "(ct4p-hightpu-4t); no v4 host has 8 chips"));
        // No v4 machine type has 8 chips; 8-chip hosts are v5e and v6e only, and single-host 2x4.
        for (const auto& g : cat().tpuGenerations()) {
            for (const auto& m : g.machineTypes) {
                if (m.chips == 8) {
                    QVERIFY2(g.name == "v5e" || g.name == "v6e", m.name.c_str());
                    QCOMPARE(QString::fromStdString(m.hostShape), QStringLiteral("2x4"));
                    QVERIFY(!m.multiHost);
                }
            }
        }
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("generation");
        QTest::addColumn<int>("chips");     // -1: a generation, no slice
        QTest::addColumn<QString>("best");
        QTest::addColumn<QString>("notes"); // codes of the notes, in order
        QTest::newRow("v4-32") << "v4-32" << "v4" << 16 << "2x2x4" << "CW413";
        QTest::newRow("v4-8") << "v4-8" << "v4" << 4 << "2x2x1" << "CW415";
        QTest::newRow("v4-256") << "v4-256" << "v4" << 128 << "4x4x8" << "CW413,CW421";
        QTest::newRow("v5p-8") << "v5p-8" << "v5p" << 4 << "2x2x1" << "CW415";
        QTest::newRow("v5p-128") << "v5p-128" << "v5p" << 64 << "4x4x4" << "CW413";
        QTest::newRow("v5p by topology") << "v5p-2x2x4" << "v5p" << 16 << "2x2x4" << "CW413";
        QTest::newRow("tpu7x-8") << "tpu7x-8" << "tpu7x" << 4 << "2x2x1" << "CW415";
        QTest::newRow("tpu7x-2") << "tpu7x-2" << "tpu7x" << 1 << "1x1x1" << "CW415";
        QTest::newRow("v5litepod-16") << "v5litepod-16" << "v5e" << 16 << "4x4" << "CW417";
        QTest::newRow("v5litepod-8: two layouts") << "v5litepod-8" << "v5e" << 8 << "2x4" << "CW418,CW419";
        QTest::newRow("v5e-4") << "v5e-4" << "v5e" << 4 << "2x2" << "CW418";
        QTest::newRow("v6e-256") << "v6e-256" << "v6e" << 256 << "16x16" << "CW417";
        QTest::newRow("V6E-1 upper case") << "V6E-1" << "v6e" << 1 << "1x1" << "CW418";
        QTest::newRow("label") << "tpu-v5-lite-podslice" << "v5e" << -1 << "" << "";
        QTest::newRow("legacy label") << "tpu-v5-lite-device" << "v5e" << -1 << "" << "";
        QTest::newRow("v5p label") << "tpu-v5p-slice" << "v5p" << -1 << "" << "";
        QTest::newRow("prefix") << "v5litepod" << "v5e" << -1 << "" << "";
        QTest::newRow("v4-30: 15 chips") << "v4-30" << "v4" << 15 << "" << "CW412";
        QTest::newRow("v4-31: odd TensorCores") << "v4-31" << "v4" << -1 << "" << "CW411";
        QTest::newRow("v5litepod-12") << "v5litepod-12" << "v5e" << 12 << "" << "CW412";
        QTest::newRow("unknown generation") << "v9-8" << "" << -1 << "" << "CW410";
        QTest::newRow("no number") << "v4-" << "" << -1 << "" << "CW410";
        QTest::newRow("garbage") << "v4-3a" << "v4" << -1 << "" << "CW410";
        QTest::newRow("bad topology") << "v4-4x4x1" << "v4" << -1 << "" << "CW404";
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(QString, generation);
        QFETCH(int, chips);
        QFETCH(QString, best);
        QFETCH(QString, notes);
        const auto r = tpu::lookupName(cat(), name.toStdString());
        QCOMPARE(r.generation ? QString::fromStdString(r.generation->name) : QString(), generation);
        QCOMPARE(r.chips ? int(*r.chips) : -1, chips);
        QCOMPARE(r.slices.empty() ? QString() : QString::fromStdString(r.slices.front().topology.text()), best);
        QStringList codes;
        for (const auto& d : r.notes.items())
            codes << QString::fromStdString(d.code);
        QCOMPARE(codes.join(QLatin1Char(',')), notes);
    }

    void nameMessages_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("v5p-8") << "v5p-8"
                               << "v5p-8 counts TensorCores (2 per chip): 4 chips, topology 2x2x1, one host of 4 chips (ct5p-hightpu-4t); no v5p host has 8 chips";
        QTest::newRow("tpu7x-8") << "tpu7x-8"
                                 << "tpu7x-8 counts TensorCores (2 per chip): 4 chips, topology 2x2x1, one host of 4 chips (tpu7x-standard-4t); no tpu7x host has 8 chips";
        QTest::newRow("v5litepod-16") << "v5litepod-16" << "v5litepod-16 counts chips: 16 chips, topology 4x4, 4 hosts × 4 chips (ct5lp-hightpu-4t)";
        QTest::newRow("v6e-8") << "v6e-8"
                               << "v6e-8 counts chips: 8 chips, topology 2x4, one host of 8 chips (ct6e-standard-8t)\n"
                                  "v6e-8 can also be built as 2x4 on 2 hosts × 4 chips (ct6e-standard-4t)";
        QTest::newRow("v4-30") << "v4-30" << "'v4-30' means 15 chips, but no v4 topology has 15 chips; nearest sizes: 8 (v4-16), 16 (v4-32)";
        QTest::newRow("v4-31") << "v4-31" << "'v4-31' is not a valid slice name: v4 names count TensorCores (2 per chip), and 31 TensorCores is not a whole number of chips";
    }
    void nameMessages()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        const auto r = tpu::lookupName(cat(), name.toStdString());
        QStringList got;
        for (const auto& d : r.notes.items())
            got << QString::fromStdString(d.message());
        QCOMPARE(got.join(QLatin1Char('\n')), message);
    }

    // "ct5e-standard-*" is not a GKE machine type.
    void ct5eIsNotAMachineType()
    {
        QVERIFY(!cat().machineType(model::Provider::Gke, "ct5e-standard-4t"));
        const catalog::TpuGeneration* g = tpu::misnamedMachine(cat(), "ct5e-standard-4t");
        QVERIFY(g);
        QCOMPARE(QString::fromStdString(g->name), QStringLiteral("v5e"));
        QVERIFY(!tpu::misnamedMachine(cat(), "ct5lp-hightpu-4t"));
        for (const auto& m : g->machineTypes)
            QVERIFY(QString::fromStdString(m.name).startsWith(QLatin1String("ct5lp-hightpu-")));
    }

    // Hosts are 2x2x1 blocks in 3D, 2x2 in 2D; worker ids are row-major, x fastest.
    void hostMapping_data()
    {
        QTest::addColumn<QString>("generation");
        QTest::addColumn<QString>("topology");
        QTest::addColumn<QString>("machine");
        QTest::addColumn<QString>("grid");
        QTest::addColumn<QString>("probes"); // "x,y,z=worker;..."
        QTest::newRow("v4 2x2x4") << "v4" << "2x2x4" << "ct4p-hightpu-4t" << "1x1x4" << "0,0,0=0;1,1,0=0;0,1,2=2;1,0,3=3";
        QTest::newRow("v5p 4x4x4") << "v5p" << "4x4x4" << "ct5p-hightpu-4t" << "2x2x4" << "0,0,0=0;2,0,0=1;0,2,0=2;3,3,0=3;0,0,1=4;3,3,3=15";
        QTest::newRow("v5e 4x4") << "v5e" << "4x4" << "ct5lp-hightpu-4t" << "2x2" << "0,0,0=0;3,0,0=1;0,2,0=2;3,3,0=3";
        QTest::newRow("v5e 2x4 on 4t") << "v5e" << "2x4" << "ct5lp-hightpu-4t" << "1x2" << "1,1,0=0;0,2,0=1";
        QTest::newRow("v5e 2x4 on 8t") << "v5e" << "2x4" << "ct5lp-hightpu-8t" << "1x1" << "1,3,0=0";
        QTest::newRow("v6e 16x16") << "v6e" << "16x16" << "ct6e-standard-4t" << "8x8" << "15,0,0=7;0,15,0=56;15,15,0=63";
    }
    void hostMapping()
    {
        QFETCH(QString, generation);
        QFETCH(QString, topology);
        QFETCH(QString, machine);
        QFETCH(QString, grid);
        QFETCH(QString, probes);
        const auto s = tpu::describe(gen(generation), *tpu::parseTopology(topology.toStdString()));
        QVERIFY(s);
        const tpu::HostLayout* l = s->layoutFor(machine.toStdString());
        QVERIFY(l);
        QCOMPARE(QString::fromStdString(l->hostGrid.text()), grid);
        for (const QString& p : probes.split(QLatin1Char(';'))) {
            const QStringList parts = p.split(QLatin1Char('='));
            const QStringList xyz = parts[0].split(QLatin1Char(','));
            const tpu::ChipCoord c{xyz[0].toInt(), xyz[1].toInt(), xyz[2].toInt()};
            QCOMPARE(l->workerOf(c), parts[1].toInt());
        }
    }

    // Every chip of every layout of every valid slice up to 512 chips belongs to exactly one
    // worker, and every worker holds a block of chipsPerHost chips.
    void everyChipHasOneWorker()
    {
        for (const auto& g : cat().tpuGenerations()) {
            for (long long n : tpu::validChipCounts(g)) {
                if (n > 512)
                    break;
                for (const auto& s : tpu::topologiesWithChips(g, n)) {
                    for (const auto& l : s.layouts) {
                        std::set<std::tuple<int, int, int>> seen;
                        for (int w = 0; w < l.hosts; ++w) {
                            const auto chips = l.chipsOf(w);
                            QCOMPARE(int(chips.size()), l.chipsPerHost);
                            for (const auto& c : chips) {
                                QCOMPARE(l.workerOf(c), w);
                                QVERIFY(seen.insert({c.x, c.y, c.z}).second);
                                QVERIFY(c.x < s.topology.dims[0] && c.y < s.topology.dims[1]);
                                QVERIFY(c.z < (s.topology.rank() == 3 ? s.topology.dims[2] : 1));
                            }
                        }
                        QCOMPARE(static_cast<long long>(seen.size()), s.chips);
                    }
                }
            }
        }
    }

    // Plans with TPU mistakes: the code, the place and the reason.
    void planChecks_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected"); // "line:col: severity CODE" of every CW4xx, in order
        QTest::addColumn<QString>("reason");
        QTest::newRow("pool v4 4x4x1") << "pool-v4-4x4x1" << "12:20: error CW404" << "nearest: 2x2x4 (16 chips)";
        QTest::newRow("pool v4 8x8x2") << "pool-v4-8x8x2" << "12:20: error CW404" << "nearest: 4x4x8 (128 chips)";
        QTest::newRow("pool v5p descending") << "pool-v5p-descending" << "12:20: error CW405" << "write it as 4x4x8";
        QTest::newRow("pool v5p too large") << "pool-v5p-too-large" << "12:20: error CW407" << "16x16x24 (6144 chips)";
        QTest::newRow("pool v5e 3D") << "pool-v5e-3d" << "12:20: error CW402" << "2D torus";
        QTest::newRow("pool 8t multi-host") << "pool-v5e-8t-multihost" << "11:20: error CW430" << "runs on 4 × ct5lp-hightpu-4t";
        QTest::newRow("pool ct5e-standard") << "pool-ct5e-standard" << "11:20: error CW432" << "TPU v5e hosts are ct5lp-hightpu-1t, ct5lp-hightpu-4t, ct5lp-hightpu-8t";
        QTest::newRow("pool maxNodes") << "pool-max-nodes" << "14:17: warning CW431" << "maxNodes is 8, but a multi-host TPU pool takes 4";
        QTest::newRow("pool tpu7x old GKE") << "pool-tpu7x-old-gke" << "12:20: warning CW433" << "needs GKE 1.34.0-gke.2201000 or later";
        QTest::newRow("workload replicas") << "workload-replicas" << "18:15: error CW443" << "hosts × slices = 4 × 1 = 4 replicas";
        QTest::newRow("workload equivalent topology") << "workload-equivalent-topology" << "23:46: error CW442" << "both have 128 chips, so set the workload's topology to 4x4x8";
        QTest::newRow("workload other topology") << "workload-other-topology" << "23:51: error CW441" << "cloud.google.com/gke-tpu-topology=4x4";
        QTest::newRow("workload generation") << "workload-generation" << "19:11: error CW440" << "pinned to pool 'v5e', which has TPU v5e";
        QTest::newRow("workload single-host multislice") << "workload-single-host-multislice" << "23:64: error CW444" << "multislice joins multi-host slices only";
        QTest::newRow("workload multislice on one pool") << "workload-multislice-one-pool" << "23:64: warning CW445" << "each further slice needs its own pool";
        QTest::newRow("workload 2D topology on v4") << "workload-2d-topology-on-v4" << "23:46: error CW402" << "v4 slices are a 3D torus";
        QTest::newRow("workload on a CPU pool") << "workload-on-cpu-pool" << "17:11: error CW446" << "has no TPU machine type";
        QTest::newRow("good multislice") << "good-multislice" << "" << "";
        QTest::newRow("good v5e 2x4 on two hosts") << "good-v5e-2x4-two-hosts" << "" << "";
        QTest::newRow("good tpu7x") << "good-tpu7x" << "" << "";
        for (const char* f : {"genai-platform", "tpu-training-gke", "llm-training-gke", "inference-gke", "platform-eks"})
            QTest::addRow("example %s", f) << QStringLiteral(CW_SOURCE_DIR "/resources/examples/%1").arg(QLatin1String(f)) << "" << "";
    }
    void planChecks()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        const QString path = (QDir::isAbsolutePath(file) ? file : QStringLiteral(CW_TEST_DATA_DIR "/tpu/plans/") + file)
                           + QStringLiteral(".yaml");
        io::PlanReadResult r = io::readPlanFile(path.toStdString());
        QVERIFY2(r.plan, qPrintable(messages(r.diagnostics).join(QLatin1Char('\n'))));
        diag::Diagnostics diags;
        check::checkPlan(*r.plan, cat(), diags);
        QStringList got;
        QString text;
        for (const auto& d : diags.items()) {
            if (d.code.rfind("CW4", 0) != 0 && d.code != "CW103")
                continue;
            got << QStringLiteral("%1:%2: %3 %4").arg(d.where.line).arg(d.where.column)
                       .arg(QLatin1String(diag::severityName(d.severity).data()), QString::fromStdString(d.code));
            text += QString::fromStdString(d.format()) + QLatin1Char('\n');
            QCOMPARE(QString::fromStdString(d.where.file), path);
        }
        QCOMPARE(got.join(QLatin1Char('\n')), expected);
        QVERIFY2(text.contains(reason), qPrintable(text));
    }

    // The drop's verdict: what may go on a TPU pool, and what the drop changes.
    void canAssign_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("workload");
        QTest::addColumn<QString>("pool");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("newTopology");
        QTest::newRow("same slice") << "workload-replicas" << "train" << "v4" << true << "" << "";
        QTest::newRow("equivalent shape") << "workload-equivalent-topology" << "train" << "v4" << true << "CW455" << "4x4x8";
        QTest::newRow("other shape") << "workload-other-topology" << "train" << "v5e" << false << "CW441" << "";
        QTest::newRow("other generation") << "workload-generation" << "train" << "v5e" << false << "CW440" << "";
        QTest::newRow("CPU pool") << "workload-on-cpu-pool" << "train" << "cpu" << false << "CW452" << "";
        QTest::newRow("invalid pool") << "pool-v4-4x4x1" << "train" << "v4" << false << "CW452" << "";
    }
    void canAssign()
    {
        QFETCH(QString, file);
        QFETCH(QString, workload);
        QFETCH(QString, pool);
        QFETCH(bool, ok);
        QFETCH(QString, code);
        QFETCH(QString, newTopology);
        io::PlanReadResult r = io::readPlanFile((QStringLiteral(CW_TEST_DATA_DIR "/tpu/plans/") + file + QStringLiteral(".yaml")).toStdString());
        QVERIFY(r.plan);
        const auto v = tpu::canAssign(*r.plan, cat(), workload.toStdString(), "c1", pool.toStdString());
        QCOMPARE(v.ok, ok);
        QCOMPARE(v.reasons.empty() ? QString() : QString::fromStdString(v.reasons.items().front().code), code);
        QCOMPARE(QString::fromStdString(v.newTopology), newTopology);
    }

    // A multi-host pool runs one job at a time; the second drop is refused with the reason.
    void secondJobOnASliceIsRefused()
    {
        io::PlanReadResult r = io::readPlanFile(CW_SOURCE_DIR "/resources/examples/tpu-training-gke.yaml");
        QVERIFY(r.plan);
        model::Plan plan = *r.plan;
        model::Workload second = *plan.workload("gemma-finetune-v5e");
        second.name = "second";
        second.pool.clear();
        plan.workloads.push_back(second);
        const auto v = tpu::canAssign(plan, cat(), "second", "gke-tpu", "v5e-4x4");
        QVERIFY(!v.ok);
        QCOMPARE(QString::fromStdString(v.reasons.items().front().code), QStringLiteral("CW453"));
        QVERIFY(QString::fromStdString(v.reasons.items().front().message()).contains(QLatin1String("gemma-finetune-v5e")));
    }

    void occupancy()
    {
        io::PlanReadResult r = io::readPlanFile(CW_SOURCE_DIR "/resources/examples/tpu-training-gke.yaml");
        QVERIFY(r.plan);
        const model::Cluster& c = *r.plan->cluster("gke-tpu-v4");
        const auto occ = tpu::occupancy(*r.plan, c, *c.pool("v4-2x2x4"), cat());
        QVERIFY(occ);
        QCOMPARE(occ->slices, 1);
        QCOMPARE(occ->uses.size(), size_t(1));
        QCOMPARE(QString::fromStdString(occ->uses[0].workload), QStringLiteral("t5-pretrain-v4"));
        QCOMPARE(occ->uses[0].count, 4);
        QVERIFY(!occ->uses[0].overflow);
        QVERIFY(!tpu::occupancy(*r.plan, *r.plan->cluster("gke-tpu"), *r.plan->cluster("gke-tpu")->pool("system"), cat()));
    }
};

QTEST_GUILESS_MAIN(TestTpu)
#include "tst_tpu.moc"
