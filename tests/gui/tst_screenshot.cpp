// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright --screenshot FILE --view NAME: every registered view, every example plan,
// high-DPI, and the errors of the command line.
#include "viewregistry.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// extraEnv: NAME=VALUE to set, or -NAME to remove.
Run runGui(const QStringList& args, const QStringList& extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const QString& kv : extraEnv) {
        if (kv.startsWith(QLatin1Char('-')))
            env.remove(kv.mid(1));
        else
            env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CW_GUI_PATH), args);
    p.waitForFinished(180000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// An image that shows something: many colours, not a blank window.
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyView_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("plan");
        const QString examples = QStringLiteral(CW_SOURCE_DIR "/resources/examples/");
        for (const QString& view : cw::gui::ViewRegistry::instance().names())
            QTest::newRow(qPrintable(view)) << view << QString();
        for (const QString& f : QDir(examples).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
            for (const QString& view : {QStringLiteral("canvas"), QStringLiteral("report")})
                QTest::newRow(qPrintable(view + QLatin1Char(' ') + f)) << view << examples + f;
        }
    }

    void everyView()
    {
        QFETCH(QString, view);
        QFETCH(QString, plan);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        QStringList args = {QStringLiteral("--screenshot"), file, QStringLiteral("--view"), view};
        if (!plan.isEmpty())
            args << plan;
        const Run r = runGui(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(file));
        QImage image(file);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 600);
        QVERIFY2(distinctColours(image) > 40, qPrintable(QString::number(distinctColours(image))));
    }

    // At a scale factor of 2 the window renders at twice the pixels.
    // No display and no platform chosen: the screenshot renders offscreen all the same.
    void withoutDisplay()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        const Run r = runGui({QStringLiteral("--screenshot"), file},
                             {QStringLiteral("-QT_QPA_PLATFORM"), QStringLiteral("-DISPLAY"), QStringLiteral("-WAYLAND_DISPLAY")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage image(file);
        QCOMPARE(image.size(), QSize(1600, 1000));
        QVERIFY(distinctColours(image) > 50);
    }

    void highDpi()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        const Run r = runGui({QStringLiteral("--screenshot"), file}, {QStringLiteral("QT_SCALE_FACTOR=2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage image(file);
        QCOMPARE(image.size(), QSize(3200, 2000));
    }

    void darkTheme()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        const Run r = runGui({QStringLiteral("--screenshot"), file, QStringLiteral("--theme"), QStringLiteral("dark")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage image(file);
        QVERIFY(QColor(image.pixel(image.width() / 2, 5)).lightness() < 100); // the menu bar is dark
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown view") << QStringList{QStringLiteral("--screenshot"), QStringLiteral("x.png"), QStringLiteral("--view"), QStringLiteral("nope")}
                                      << 2 << "unknown view 'nope'";
        QTest::newRow("bad plan") << QStringList{QStringLiteral("--screenshot"), QStringLiteral("x.png"),
                                                 QStringLiteral(CW_TEST_DATA_DIR "/plan/bad/replicas-negative.yaml")}
                                  << 1 << "replicas-negative.yaml:16:15";
        QTest::newRow("missing plan") << QStringList{QStringLiteral("--screenshot"), QStringLiteral("x.png"), QStringLiteral("/no/such/plan.yaml")}
                                      << 1 << "/no/such/plan.yaml";
        QTest::newRow("unknown theme") << QStringList{QStringLiteral("--screenshot"), QStringLiteral("x.png"), QStringLiteral("--theme"), QStringLiteral("pink")}
                                       << 2 << "unknown theme 'pink'";
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir dir;
        args[1] = dir.filePath(args[1]);
        const Run r = runGui(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(args[1]));
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
