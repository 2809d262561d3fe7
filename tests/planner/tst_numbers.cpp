// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers for reading: thousands grouped, sign first, no negative zero.
#include "report/numbers.h"

#include <QTest>

class TestNumbers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupThousands_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << 0.0 << 2 << "0.00";
        QTest::newRow("below a thousand") << 999.994 << 2 << "999.99";
        QTest::newRow("rounds up into a group") << 999.995 << 2 << "1,000.00";
        QTest::newRow("thousands") << 1234.5 << 2 << "1,234.50";
        QTest::newRow("millions") << 602156.92 * 10 << 2 << "6,021,569.20";
        QTest::newRow("negative") << -1234.5 << 2 << "-1,234.50";
        QTest::newRow("no negative zero") << -0.001 << 2 << "0.00";
        QTest::newRow("four decimals") << 0.38851 << 4 << "0.3885";
        QTest::newRow("no decimals") << 1234567.0 << 0 << "1,234,567";
    }
    void groupThousands()
    {
        QFETCH(double, value);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(cw::report::groupThousands(value, decimals)), expected);
    }
};

QTEST_GUILESS_MAIN(TestNumbers)
#include "tst_numbers.moc"
