// SPDX-License-Identifier: GPL-3.0-or-later
// The Compare view: its table model under QAbstractItemModelTester, the view and the
// report rendering, on comparisons built by hand.
#include "compare/comparetablemodel.h"
#include "compare/compareview.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QtTest>

using namespace cw;

namespace {

cost::WorkloadCost workload(const char* name, model::WorkloadKind kind, double monthly, double idle = 0)
{
    cost::WorkloadCost w;
    w.workload = name;
    w.sourceCluster = "c";
    w.cluster = "c";
    w.kind = kind;
    w.replicas = 2;
    w.hoursPerMonth = 730;
    w.monthly = monthly;
    w.hourly = monthly / 730;
    w.idleHourly = idle / 730;
    w.billing = "nodes";
    return w;
}

cost::Option option(const char* name, std::vector<cost::WorkloadCost> ws, double fees)
{
    cost::Option o;
    o.name = name;
    o.workloads = std::move(ws);
    for (const auto& w : o.workloads) {
        o.computeMonthly += w.monthly - w.idleHourly * 730;
        o.wasteMonthly += w.idleHourly * 730;
    }
    o.fees.monthly = fees;
    o.monthly = o.computeMonthly + o.wasteMonthly + fees;
    o.hourly = o.monthly / 730;
    return o;
}

cost::Comparison sample()
{
    using K = model::WorkloadKind;
    cost::Comparison c;
    c.plan = "sample";
    c.gkeRegion = "us-central1";
    c.eksRegion = "us-east-1";
    c.priceDate = "2026-09";
    c.oldestPriceDate = "2026-01-19";
    c.options.push_back(option("gke-standard", {workload("train", K::Training, 1000, 100), workload("web", K::Inference, 50, 10),
                                                workload("agent", K::Batch, 20)}, 73));
    auto ap = option("gke-autopilot", {workload("train", K::Training, 1000), workload("web", K::Inference, 40, 4),
                                       workload("agent", K::Batch, 25)}, 73);
    ap.workloads[0].premiumUnknown = true;
    ap.workloads[0].billing = "accelerator-nodes";
    ap.workloads[2].billing = "needs-standard";
    ap.premiumUnknown = true;
    ap.refused.push_back({"agent", "privileged", "Autopilot refuses privileged containers.", "gke-autopilot-security", 2, "CW601", {}});
    c.options.push_back(ap);
    auto eks = option("eks", {workload("train", K::Training, 1300), workload("web", K::Inference, 45), workload("agent", K::Batch, 22)}, 73);
    eks.workloads[0].match = cost::MatchKind::Equivalent;
    eks.workloads[1].unplaced = 1;
    eks.unplaced.push_back({"web", "c", 1, "needs 200 vCPU", "CW301"});
    eks.complete = false;
    c.options.push_back(eks);
    cost::BreakEven be;
    be.kind = K::Inference;
    be.workloads = {"web"};
    be.autopilotHourly = 40.0 / 730;
    be.standardHourly = 50.0 / 730;
    be.standardUsedHourly = 40.0 / 730;
    be.utilization = 0.8;
    be.breakEven = 1.0;
    be.cheaper = "gke-autopilot";
    c.breakEven.push_back(be);
    return c;
}

bool drewSomething(const QImage& img)
{
    const QRgb first = img.pixel(0, 0);
    for (int y = 0; y < img.height(); y += 3) {
        for (int x = 0; x < img.width(); x += 3) {
            if (img.pixel(x, y) != first)
                return true;
        }
    }
    return false;
}

} // namespace

class TestCompareView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelPassesTheTester()
    {
        widgets::CompareTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setComparison(sample());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(widgets::CompareTableModel::ColumnCount));
        model.setComparison({});
        QCOMPARE(model.rowCount(), 0);
    }

    // The cheapest complete figure of each row is marked; an unplaced figure never is.
    void cheapestPerRow_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::newRow("train: standard = autopilot, standard first") << 0 << int(widgets::CompareTableModel::GkeStandardColumn);
        QTest::newRow("web: autopilot; eks incomplete") << 1 << int(widgets::CompareTableModel::GkeAutopilotColumn);
        QTest::newRow("agent: standard") << 2 << int(widgets::CompareTableModel::GkeStandardColumn);
    }

    void cheapestPerRow()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        widgets::CompareTableModel model;
        model.setComparison(sample());
        for (int c = widgets::CompareTableModel::GkeStandardColumn; c <= widgets::CompareTableModel::EksColumn; ++c)
            QCOMPARE(model.data(model.index(row, c), widgets::CompareTableModel::CheapestRole).toBool(), c == column);
    }

    void displayAndNotes()
    {
        widgets::CompareTableModel model;
        model.setComparison(sample());
        QCOMPARE(model.data(model.index(0, widgets::CompareTableModel::WorkloadColumn)).toString(), QStringLiteral("train"));
        QCOMPARE(model.data(model.index(0, widgets::CompareTableModel::GkeStandardColumn)).toString(), QStringLiteral("$1,000"));
        QCOMPARE(model.data(model.index(0, widgets::CompareTableModel::GkeAutopilotColumn)).toString(), QStringLiteral("$1,000 *"));
        QCOMPARE(model.data(model.index(0, widgets::CompareTableModel::GkeStandardColumn), widgets::CompareTableModel::MonthlyRole).toDouble(), 1000.0);
        QVERIFY(model.data(model.index(1, widgets::CompareTableModel::EksColumn)).toString().contains(QStringLiteral("incomplete")));
        const QString trainNotes = model.notes(0);
        QVERIFY2(trainNotes.contains(QStringLiteral("premium not included: unknown")), qPrintable(trainNotes));
        QVERIFY2(trainNotes.contains(QStringLiteral("equivalent")), qPrintable(trainNotes));
        QVERIFY(model.notes(2).contains(QStringLiteral("needs Standard")));
        QVERIFY(model.notes(1).contains(QStringLiteral("not placed")));
    }

    void viewShowsTheComparison()
    {
        widgets::CompareView view;
        view.resize(1200, 900);
        view.setComparison(sample());
        QCOMPARE(view.tableModel()->rowCount(), 3);
        view.show();
        const QImage shot = view.grab().toImage();
        if (qEnvironmentVariableIsSet("CW_DUMP_DIR"))
            shot.save(qEnvironmentVariable("CW_DUMP_DIR") + QStringLiteral("/compareview.png"));
        QVERIFY(!shot.isNull());
        QVERIFY(drewSomething(shot));
    }

    // The report draws the comparison on any painter: an image and a picture (vectors).
    void rendersForTheReport()
    {
        QImage page(1100, 1400, QImage::Format_ARGB32);
        page.fill(Qt::white);
        {
            QPainter p(&page);
            widgets::renderComparison(&p, QRectF(40, 40, 1020, 1320), sample());
        }
        QVERIFY(drewSomething(page));
        if (qEnvironmentVariableIsSet("CW_DUMP_DIR"))
            page.save(qEnvironmentVariable("CW_DUMP_DIR") + QStringLiteral("/comparereport.png"));
        QPicture picture;
        {
            QPainter p(&picture);
            widgets::renderComparison(&p, QRectF(0, 0, 800, 1000), sample());
        }
        QVERIFY(picture.size() > 1000);
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
