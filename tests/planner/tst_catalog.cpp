// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog.h"

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace cw;
using namespace cw::catalog;

namespace {

QStringList formatted(const diag::Diagnostics& diags)
{
    QStringList out;
    for (const auto& d : diags.items())
        out << QString::fromStdString(d.format());
    return out;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.path() + QLatin1Char('/') + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    return path;
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void embeddedLoadsWithoutDiagnostics()
    {
        diag::Diagnostics diags;
        const Catalog cat = Catalog::load({}, diags);
        QVERIFY2(diags.empty(), qPrintable(formatted(diags).join(QLatin1Char('\n'))));
        QVERIFY(cat.priceBook(model::Provider::Gke));
        QVERIFY(cat.priceBook(model::Provider::Eks));
        QCOMPARE(QString::fromStdString(cat.priceBook(model::Provider::Gke)->region), QStringLiteral("us-central1"));
        QCOMPARE(QString::fromStdString(cat.priceBook(model::Provider::Eks)->region), QStringLiteral("us-east-1"));
    }

    // Every price names a declared source and carries a date.
    void everyPriceHasSourceAndDate()
    {
        const Catalog& cat = Catalog::embedded();
        int count = 0;
        cat.forEachPrice([&](const PricePoint& p, const std::string& what) {
            ++count;
            QVERIFY2(cat.source(p.source), what.c_str());
            QVERIFY2(p.asOf.size() == 7 || p.asOf.size() == 10, what.c_str());
            if (!p.usd)
                QVERIFY2(p.unverified || !p.note.empty(), ("a missing price needs a note: " + what).c_str());
        });
        QVERIFY(count > 200);
        for (const auto& s : cat.sources()) {
            QVERIFY(!s.title.empty());
            QVERIFY(!s.asOf.empty());
        }
    }

    void everyAcceleratorReferencedExists()
    {
        const Catalog& cat = Catalog::embedded();
        for (const auto& book : cat.priceBooks()) {
            for (const auto& m : book.machineTypes) {
                if (m.gpu)
                    QVERIFY2(cat.accelerator(m.gpu->type), m.name.c_str());
                if (m.neuron)
                    QVERIFY2(cat.accelerator(m.neuron->type), m.name.c_str());
                for (const auto& o : m.gpuOptions)
                    QVERIFY2(cat.accelerator(o.type), m.name.c_str());
                QVERIFY2(m.vcpu > 0 && m.memoryGiB > 0, m.name.c_str());
            }
        }
        for (const auto& e : cat.rules().equivalents)
            QVERIFY2(cat.accelerator(e.gke), e.gke.c_str());
    }

    // TPU host machine types agree with their generations, both ways.
    void tpuMachineTypesAgreeWithGenerations()
    {
        const Catalog& cat = Catalog::embedded();
        const PriceBook* gke = cat.priceBook(model::Provider::Gke);
        QVERIFY(gke);
        int hosts = 0;
        for (const auto& m : gke->machineTypes) {
            if (!m.tpu)
                continue;
            ++hosts;
            const TpuGeneration* g = cat.tpuGeneration(m.tpu->generation);
            QVERIFY2(g, m.name.c_str());
            const TpuMachine* tm = g->machine(m.name);
            QVERIFY2(tm, m.name.c_str());
            QCOMPARE(tm->chips, m.tpu->chips);
            QCOMPARE(m.category, MachineCategory::Tpu);
            QVERIFY2(gke->tpuChipPrice(g->name), g->name.c_str());
        }
        QVERIFY(hosts >= 8);
        // The facts the source chapter gets wrong: no v4 host has 8 chips; v4 names count TensorCores.
        const TpuGeneration* v4 = cat.tpuGeneration("v4");
        QVERIFY(v4);
        QVERIFY(v4->torus3d);
        QVERIFY(v4->nameCountsTensorCores);
        QCOMPARE(v4->tensorCoresPerChip, 2);
        for (const auto& m : v4->machineTypes)
            QVERIFY(m.chips != 8);
        const TpuGeneration* v5e = cat.tpuGeneration("tpu-v5-lite-podslice");
        QVERIFY(v5e);
        QCOMPARE(QString::fromStdString(v5e->name), QStringLiteral("v5e"));
        QVERIFY(!v5e->nameCountsTensorCores);
        QCOMPARE(cat.tpuGeneration("v5litepod"), v5e);
    }

    void pricesAddUp()
    {
        const Catalog& cat = Catalog::embedded();
        const PriceBook* gke = cat.priceBook(model::Provider::Gke);
        // GCP GPU machines: VM row + count × GPU row, both from the catalog.
        const MachineType* a3 = gke->machineType("a3-highgpu-8g");
        QVERIFY(a3);
        const auto* h100 = gke->acceleratorPrice("nvidia-h100-80gb");
        QVERIFY(h100);
        const MachinePrice p = cat.machinePrice(model::Provider::Gke, *a3, model::Capacity::OnDemand);
        QVERIFY(p.known);
        QCOMPARE(p.usdPerHour, a3->onDemand.value() + 8 * h100->onDemand.value());
        QVERIFY(p.unverified); // the us-central1 H100 row is marked unverified
        QCOMPARE(p.parts.size(), size_t(2));
        // TPU hosts: chips × chip price.
        const MachineType* v5e = gke->machineType("ct5lp-hightpu-4t");
        const auto tp = cat.machinePrice(model::Provider::Gke, *v5e, model::Capacity::OnDemand);
        QCOMPARE(tp.usdPerHour, 4 * gke->tpuChipPrice("v5e")->onDemand.value());
        // AWS machines include their GPUs.
        const MachineType* p5 = cat.machineType(model::Provider::Eks, "p5.48xlarge");
        QVERIFY(p5);
        const auto ap = cat.machinePrice(model::Provider::Eks, *p5, model::Capacity::OnDemand);
        QCOMPARE(ap.usdPerHour, p5->onDemand.value());
        QCOMPARE(ap.parts.size(), size_t(1));
        // A machine sold only as Capacity Blocks has no price.
        const MachineType* p5e = cat.machineType(model::Provider::Eks, "p5e.48xlarge");
        QVERIFY(p5e);
        QVERIFY(!cat.machinePrice(model::Provider::Eks, *p5e, model::Capacity::OnDemand).known);
    }

    void migProfiles()
    {
        const Catalog& cat = Catalog::embedded();
        const Accelerator* a100 = cat.accelerator("nvidia-tesla-a100");
        QVERIFY(a100);
        std::set<std::string> gke;
        for (const auto& p : a100->mig) {
            if (p.gke)
                gke.insert(p.name);
        }
        QCOMPARE(gke, (std::set<std::string>{"1g.5gb", "2g.10gb", "3g.20gb", "7g.40gb"}));
        QVERIFY(a100->migProfile("4g.20gb"));
        QVERIFY(!a100->migProfile("4g.20gb")->gke);
        QCOMPARE(a100->migProfile("1g.5gb")->maxPerGpu, 7);
    }

    void feesAndRules()
    {
        const Rules& r = Catalog::embedded().rules();
        QVERIFY(r.fees.gkeClusterHour.isKnown());
        QVERIFY(r.fees.gkeFreeTierMonthlyCredit.isKnown());
        QVERIFY(r.fees.eksExtendedSupportHour.value() > r.fees.eksStandardSupportHour.value());
        QVERIFY(r.allocatable.count(model::Provider::Gke));
        QVERIFY(r.allocatable.count(model::Provider::Eks));
        QVERIFY(!r.allocatable.at(model::Provider::Gke).memoryTiers.empty());
        QVERIFY(r.autopilot.cpu.isKnown());
        QVERIFY(r.autopilot.cpuStepMilli > 0);
        QVERIFY(r.autopilot.memoryPerCpuMax > r.autopilot.memoryPerCpuMin);
        QVERIFY(!r.autopilot.refused.empty());
    }

    void overrideReplacesPrice()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("contract.yaml"), R"(apiVersion: clusterwright/catalog/v1
kind: Sources
sources:
- {id: my-contract, title: "Negotiated prices 2026", asOf: "2026-10-01"}
---
apiVersion: clusterwright/catalog/v1
kind: PriceBook
provider: gke
region: us-central1
machineTypes:
- name: n2-standard-8
  onDemand: {usd: 0.25, source: my-contract}
- name: my-custom-8
  family: custom
  category: general-purpose
  vcpu: 8
  memoryGiB: 40
  onDemand: {usd: 0.3, source: my-contract}
)");
        diag::Diagnostics diags;
        const Catalog cat = Catalog::load({path.toStdString()}, diags);
        QVERIFY2(diags.empty(), qPrintable(formatted(diags).join(QLatin1Char('\n'))));
        const MachineType* n2 = cat.machineType(model::Provider::Gke, "n2-standard-8");
        QVERIFY(n2);
        QCOMPARE(n2->onDemand.value(), 0.25);
        QCOMPARE(QString::fromStdString(n2->onDemand.asOf), QStringLiteral("2026-10-01"));
        QCOMPARE(n2->vcpu, 8.0);              // the keys not given stay as embedded
        QVERIFY(n2->spot.isKnown());          // the embedded spot price is kept
        QVERIFY(cat.machineType(model::Provider::Gke, "my-custom-8"));
        QVERIFY2(QString::fromStdString(cat.priceDate()).endsWith(QStringLiteral(" to 2026-10-01")), cat.priceDate().c_str());
        QCOMPARE(QString::fromStdString(Catalog::embedded().priceDate()), QStringLiteral("2026-01-19 to 2026-09"));
    }

    void badOverrideIsReported_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::newRow("unknown source") << QByteArray("apiVersion: clusterwright/catalog/v1\nkind: PriceBook\nprovider: gke\nregion: us-central1\nmachineTypes:\n- name: n2-standard-8\n  onDemand: {usd: 0.2, source: nowhere}\n")
                                        << "CW201" << 7;
        QTest::newRow("unknown key") << QByteArray("apiVersion: clusterwright/catalog/v1\nkind: PriceBook\nprovider: gke\nregion: us-central1\nmachineTypes:\n- name: n2-standard-8\n  vpcu: 9\n")
                                     << "CW004" << 7;
        QTest::newRow("negative price") << QByteArray("apiVersion: clusterwright/catalog/v1\nkind: PriceBook\nprovider: gke\nregion: us-central1\nmachineTypes:\n- name: n2-standard-8\n  onDemand: {usd: -1, source: gke-pricing}\n")
                                        << "CW009" << 7;
        QTest::newRow("bad date") << QByteArray("apiVersion: clusterwright/catalog/v1\nkind: Sources\nsources:\n- {id: x, title: y, asOf: yesterday}\n")
                                  << "CW204" << 4;
        QTest::newRow("unknown kind") << QByteArray("apiVersion: clusterwright/catalog/v1\nkind: Prices\n")
                                      << "CW207" << 2;
        QTest::newRow("unknown accelerator") << QByteArray("apiVersion: clusterwright/catalog/v1\nkind: PriceBook\nprovider: eks\nregion: us-east-1\nmachineTypes:\n- {name: x1, category: gpu, vcpu: 4, memoryGiB: 16, gpu: {type: nvidia-zz, count: 1}, onDemand: {usd: 1, source: gke-pricing}}\n")
                                             << "CW202" << 6;
        QTest::newRow("new entry missing fields") << QByteArray("apiVersion: clusterwright/catalog/v1\nkind: PriceBook\nprovider: eks\nregion: us-east-1\nmachineTypes:\n- {name: x2, onDemand: {usd: 1, source: gke-pricing}}\n")
                                                  << "CW006" << 6;
        QTest::newRow("syntax") << QByteArray("apiVersion: clusterwright/catalog/v1\nkind: [\n") << "CW002" << 3;
    }
    void badOverrideIsReported()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(int, line);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.yaml"), text);
        diag::Diagnostics diags;
        Catalog::load({path.toStdString()}, diags);
        bool found = false;
        for (const auto& d : diags.items()) {
            if (QString::fromStdString(d.code) == code) {
                found = true;
                QVERIFY2(d.where.file != "<catalog>", d.format().c_str());
                if (line > 0) {
                    QCOMPARE(QString::fromStdString(d.where.file), path);
                    QCOMPARE(d.where.line, line);
                }
            }
        }
        QVERIFY2(found, qPrintable(formatted(diags).join(QLatin1Char('\n'))));
    }

    void userOverrideDirectory()
    {
        QTemporaryDir dir;
        qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
        QDir().mkpath(dir.path() + QStringLiteral("/clusterwright/catalog.d"));
        writeFile(dir, QStringLiteral("clusterwright/catalog.d/b.yaml"), "x");
        writeFile(dir, QStringLiteral("clusterwright/catalog.d/a.yaml"), "x");
        writeFile(dir, QStringLiteral("clusterwright/catalog.d/readme.txt"), "x");
        const auto files = Catalog::userOverrideFiles();
        QCOMPARE(files.size(), size_t(2));
        QVERIFY(QString::fromStdString(files[0]).endsWith(QStringLiteral("a.yaml")));
        QVERIFY(QString::fromStdString(files[1]).endsWith(QStringLiteral("b.yaml")));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
