// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/quantity.h"

#include <QtTest>

using namespace cw::model;

class TestQuantity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cpu_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("milli");
        QTest::newRow("whole cores") << "2" << qint64(2000);
        QTest::newRow("milli") << "500m" << qint64(500);
        QTest::newRow("decimal") << "0.5" << qint64(500);
        QTest::newRow("decimal with leading point") << ".25" << qint64(250);
        QTest::newRow("many cores") << "200" << qint64(200000);
        QTest::newRow("rounds up below one milli") << "0.0001" << qint64(1);
        QTest::newRow("micro rounds up") << "1500u" << qint64(2);
        QTest::newRow("nano") << "250000000n" << qint64(250);
        QTest::newRow("exponent") << "1e3" << qint64(1000000);
        QTest::newRow("negative exponent") << "25e-2" << qint64(250);
        QTest::newRow("kilo") << "1k" << qint64(1000000);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("plus sign") << "+3" << qint64(3000);
        QTest::newRow("leading zeros") << "007" << qint64(7000);
        QTest::newRow("binary suffix on cpu") << "1Ki" << qint64(1024000);
    }
    void cpu()
    {
        QFETCH(QString, text);
        QFETCH(qint64, milli);
        QuantityError err;
        const auto v = parseCpuMilli(text.toStdString(), &err);
        QVERIFY2(v.has_value(), err.reason.c_str());
        QCOMPARE(qint64(*v), milli);
    }

    void bytes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("plain") << "1536" << qint64(1536);
        QTest::newRow("Ki") << "4Ki" << qint64(4096);
        QTest::newRow("Mi") << "100Mi" << qint64(100LL << 20);
        QTest::newRow("Gi") << "1800Gi" << qint64(1800LL << 30);
        QTest::newRow("fractional Ti") << "1.5Ti" << qint64(1649267441664LL);
        QTest::newRow("decimal M") << "100M" << qint64(100000000LL);
        QTest::newRow("decimal G") << "2G" << qint64(2000000000LL);
        QTest::newRow("decimal k") << "1k" << qint64(1000);
        QTest::newRow("fractional Gi") << "0.5Gi" << qint64(1LL << 29);
        QTest::newRow("milli bytes round up") << "100m" << qint64(1);
        QTest::newRow("Pi") << "1Pi" << qint64(1LL << 50);
        QTest::newRow("exponent") << "12e6" << qint64(12000000);
        QTest::newRow("Ei") << "7Ei" << qint64(7LL << 60);
    }
    void bytes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        QuantityError err;
        const auto v = parseBytes(text.toStdString(), &err);
        QVERIFY2(v.has_value(), err.reason.c_str());
        QCOMPARE(qint64(*v), bytes);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << "" << "empty";
        QTest::newRow("negative") << "-1" << "negative";
        QTest::newRow("unknown suffix") << "1Gb" << "unknown suffix";
        QTest::newRow("lower-case binary") << "1gi" << "unknown suffix";
        QTest::newRow("words") << "lots" << "starts with a number";
        QTest::newRow("two points") << "1.2.3" << "decimal point";
        QTest::newRow("only a point") << "." << "starts with a number";
        QTest::newRow("space inside") << "1 Gi" << "unknown suffix";
        QTest::newRow("overflow") << "9Ei" << "too large";
        QTest::newRow("huge exponent") << "1e40" << "too large";
        QTest::newRow("too many digits") << "1234567890123456789012345678901234" << "too many digits";
    }
    void invalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        QuantityError err;
        const auto v = parseBytes(text.toStdString(), &err);
        QVERIFY(!v.has_value());
        QVERIFY2(QString::fromStdString(err.reason).contains(reason), err.reason.c_str());
    }

    void format_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0";
        QTest::newRow("Gi") << qint64(1800LL << 30) << "1800Gi";
        QTest::newRow("Ti") << qint64(2LL << 40) << "2Ti";
        QTest::newRow("1.5Ti is 1536Gi") << qint64(1649267441664LL) << "1536Gi";
        QTest::newRow("decimal M") << qint64(100000000LL) << "100M";
        QTest::newRow("Ki") << qint64(3072) << "3Ki";
        QTest::newRow("odd") << qint64(1001) << "1001";
    }
    void format()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatBytes(bytes)), text);
        // Lossless: the text parses back to the same value.
        QCOMPARE(qint64(*parseBytes(text.toStdString())), bytes);
    }

    void formatCpu()
    {
        QCOMPARE(QString::fromStdString(formatCpuMilli(200000)), QStringLiteral("200"));
        QCOMPARE(QString::fromStdString(formatCpuMilli(1500)), QStringLiteral("1500m"));
        QCOMPARE(QString::fromStdString(humanCpu(1500)), QStringLiteral("1.5 vCPU"));
        QCOMPARE(QString::fromStdString(humanBytes(1800LL << 30)), QStringLiteral("1.8 TiB"));
        QCOMPARE(QString::fromStdString(humanBytes(512LL << 20)), QStringLiteral("512 MiB"));
    }
};

QTEST_GUILESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
