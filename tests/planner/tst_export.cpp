// SPDX-License-Identifier: GPL-3.0-or-later
// The export bundle: golden bundles, determinism, strict schema validation of every
// exported document, name checks, shell quoting proven by running bash, bundle writing.
#include "catalog/catalog.h"
#include "check/plancheck.h"
#include "export/bundle.h"
#include "export/shell.h"
#include "export/yamlvalue.h"
#include "io/planreader.h"
#include "solve/solution.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;

namespace {

const QString kValidator = QStringLiteral(CW_SOURCE_DIR "/tests/tools/validate_manifests.py");
const QString kSchemas = QStringLiteral(CW_SOURCE_DIR "/tests/data/schemas");

model::Plan readPlan(const QString& path)
{
    io::PlanReadResult r = io::readPlanFile(path.toStdString());
    diag::Diagnostics diags = r.diagnostics;
    if (r.plan)
        check::checkPlan(*r.plan, catalog::Catalog::embedded(), diags);
    if (!r.plan || diags.hasErrors()) {
        QStringList msgs;
        for (const auto& d : diags.items())
            msgs << QString::fromStdString(d.format());
        qFatal("cannot read %s: %s", qPrintable(path), qPrintable(msgs.join(QLatin1Char('\n'))));
    }
    return *r.plan;
}

QStringList codes(const diag::Diagnostics& diags, diag::Severity severity)
{
    QStringList out;
    for (const auto& d : diags.items()) {
        if (d.severity == severity)
            out << QString::fromStdString(d.code);
    }
    return out;
}

QString formatAll(const diag::Diagnostics& diags)
{
    QStringList out;
    for (const auto& d : diags.items())
        out << QString::fromStdString(d.format());
    return out.join(QLatin1Char('\n'));
}

// Writes a bundle and returns the folder; fails the test on error.
bool writeTo(const exporter::Bundle& bundle, const QString& dir)
{
    const auto r = exporter::writeBundle(bundle, dir.toStdString());
    if (!r.ok)
        qWarning("writeBundle: %s", r.error.c_str());
    return r.ok;
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
        const QString& workDir = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    p.waitForFinished(120000);
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList yamlFiles(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

// One call recorded by tests/tools-style recorder scripts: program name and argv.
struct Call {
    QString program;
    QList<QByteArray> args;
};

// A bash script that records its argv, byte-exact, in $RECORDER_LOG:
// "CALL <program> <argc>\n" then "<length>:<bytes>\n" per argument.
const char* kRecorder = R"(#!/bin/bash
export LC_ALL=C
{
  printf 'CALL %s %d\n' "${0##*/}" "$#"
  for a in "$@"; do printf '%d:%s\n' "${#a}" "$a"; done
} >> "$RECORDER_LOG"
)";

QList<Call> readCalls(const QString& path)
{
    QList<Call> calls;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return calls;
    const QByteArray data = f.readAll();
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype nl = data.indexOf('\n', pos);
        const QList<QByteArray> head = data.mid(pos, nl - pos).split(' ');
        pos = nl + 1;
        Call c;
        c.program = QString::fromUtf8(head.value(1));
        const int argc = head.value(2).toInt();
        for (int i = 0; i < argc; ++i) {
            const qsizetype colon = data.indexOf(':', pos);
            const int len = data.mid(pos, colon - pos).toInt();
            c.args << data.mid(colon + 1, len);
            pos = colon + 1 + len + 1;
        }
        calls << c;
    }
    return calls;
}

QString makeRecorderBin(const QString& dir, const QStringList& programs)
{
    const QString bin = dir + QStringLiteral("/bin");
    QDir().mkpath(bin);
    for (const QString& p : programs) {
        QFile f(bin + QLatin1Char('/') + p);
        f.open(QIODevice::WriteOnly);
        f.write(kRecorder);
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    return bin;
}

QString unifiedDiff(const QStringList& expected, const QStringList& actual)
{
    // Enough of a diff to read: the first difference with three lines of context.
    qsizetype i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i])
        ++i;
    QStringList out;
    out << QStringLiteral("@@ line %1 @@").arg(i + 1);
    for (qsizetype k = std::max<qsizetype>(0, i - 3); k < i; ++k)
        out << QStringLiteral(" ") + expected[k];
    for (qsizetype k = i; k < std::min(expected.size(), i + 6); ++k)
        out << QStringLiteral("-") + expected[k];
    for (qsizetype k = i; k < std::min(actual.size(), i + 6); ++k)
        out << QStringLiteral("+") + actual[k];
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/python3")), "the schema validator needs /usr/bin/python3");
    }

    // ---- shell quoting: bash itself must hand every value back byte for byte ----------

    void shellQuote_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("plain") << QByteArray("a3-highgpu-8g");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("space") << QByteArray("two words");
        QTest::newRow("command substitution") << QByteArray("$(touch CANARY)");
        QTest::newRow("backticks") << QByteArray("`touch CANARY`");
        QTest::newRow("single quote") << QByteArray("it's'; touch CANARY; echo '");
        QTest::newRow("double quote") << QByteArray("\"$(touch CANARY)\"");
        QTest::newRow("newline") << QByteArray("a\ntouch CANARY\nb");
        QTest::newRow("backslash") << QByteArray("\\'\\\\'");
        QTest::newRow("variables") << QByteArray("${HOME} $PATH $1 $@ $$ $?");
        QTest::newRow("glob and tilde") << QByteArray("~ * ? [a-z] {a,b}");
        QTest::newRow("history and operators") << QByteArray("!! ; && || | > < & #");
        QTest::newRow("leading dash") << QByteArray("-rf");
        QTest::newRow("unicode") << QByteArray("caf\xc3\xa9 \xe2\x80\xa8 line separator");
        QTest::newRow("control characters") << QByteArray("\x01\x1b[31m\x7f\t\r");
        QTest::newRow("only quotes") << QByteArray("''''");
        QTest::newRow("300 characters") << QByteArray(300, 'x').append("'$(touch CANARY)'");
    }

    void shellQuote()
    {
        QFETCH(QByteArray, value);
        QTemporaryDir tmp;
        const std::string quoted = exporter::shellQuote(value.toStdString());
        // The word goes through bash as a script would run it, then back out unchanged.
        QFile script(tmp.filePath(QStringLiteral("t.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("cd \"$(dirname \"$0\")\"\nprintf '%s' " + QByteArray::fromStdString(quoted) + "\n");
        script.close();
        QProcess p;
        p.start(QStringLiteral("/bin/bash"), {script.fileName()});
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput(), value);
        QVERIFY2(!QFile::exists(tmp.filePath(QStringLiteral("CANARY"))), "the quoted word executed a command");
    }

    // A whole rendered command with hostile words: the program receives exactly them.
    void shellCommand()
    {
        QTemporaryDir tmp;
        const QString bin = makeRecorderBin(tmp.path(), {QStringLiteral("gcloud")});
        const std::vector<std::string> hostile = {"$(touch CANARY)", "`touch CANARY`", "a'b\"c", "x\ny", "--flag=$(id)",
                                                  std::string(300, 'n')};
        exporter::ShellCommand c;
        c.head = 2;
        c.add("gcloud").add("container");
        for (const auto& h : hostile)
            c.add(h);
        c.add(exporter::ShellWord().lit("--project=").var("PROJECT_ID").lit("'; touch CANARY"));
        QFile script(tmp.filePath(QStringLiteral("t.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("set -euo pipefail\ncd \"$(dirname \"$0\")\"\n" + QByteArray::fromStdString(c.render("")));
        script.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("RECORDER_LOG"), tmp.filePath(QStringLiteral("calls")));
        env.insert(QStringLiteral("PROJECT_ID"), QStringLiteral("p$(touch CANARY)"));
        const Run r = run(QStringLiteral("/bin/bash"), {script.fileName()}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<Call> calls = readCalls(tmp.filePath(QStringLiteral("calls")));
        QCOMPARE(calls.size(), 1);
        QList<QByteArray> expected = {"container"};
        for (const auto& h : hostile)
            expected << QByteArray::fromStdString(h);
        expected << "--project=p$(touch CANARY)'; touch CANARY";
        QCOMPARE(calls[0].args, expected);
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("CANARY"))));
    }

    // ---- YAML: strings stay strings, nothing changes the document's structure ---------

    void yamlScalars()
    {
        const QStringList values = {
            QStringLiteral("true"), QStringLiteral("no"), QStringLiteral("On"), QStringLiteral("y"), QStringLiteral("~"),
            QStringLiteral("null"), QString(), QStringLiteral("1.31"), QStringLiteral("0x1F"), QStringLiteral("1e3"),
            QStringLiteral("0777"), QStringLiteral("-1"), QStringLiteral(".inf"), QStringLiteral("2026-01-19"),
            QStringLiteral("12:30"), QStringLiteral("a: b"), QStringLiteral("- x"), QStringLiteral("#c"),
            QStringLiteral("x\ny: z"), QStringLiteral("$(touch x)"), QStringLiteral("caf\u00e9"),
            QStringLiteral("a\u2028kind: Secret"), QStringLiteral("a\u0085b"), QStringLiteral("'\"\\"),
            QStringLiteral("*alias"), QStringLiteral("&anchor"), QStringLiteral("!tag"), QStringLiteral("%x"),
            QStringLiteral("@x"), QStringLiteral("`x`"), QStringLiteral("{a: 1}"), QStringLiteral("[1, 2]"),
            QStringLiteral("...")};
        exporter::Value doc = exporter::Value::map();
        exporter::Value list = exporter::Value::list();
        for (const QString& v : values)
            list.push(v.toStdString());
        doc.set("values", list);
        doc["keys"].set("key: with colon", "v");
        const std::string text = exporter::toYaml(doc, {"header with\nnewline: injected"});
        QTemporaryDir tmp;
        QFile f(tmp.filePath(QStringLiteral("doc.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(text));
        f.close();
        // PyYAML reads YAML 1.1, as sigs.k8s.io/yaml does: the strictest reader of the two.
        const Run r = run(QStringLiteral("/usr/bin/python3"),
                          {QStringLiteral("-c"), QStringLiteral("import json,sys,yaml; docs=list(yaml.safe_load_all(open(sys.argv[1], encoding='utf-8'))); "
                                                                "print(json.dumps(docs, ensure_ascii=False))"),
                           f.fileName()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray docs = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(docs.size(), 1);
        const QJsonObject root = docs[0].toObject();
        QCOMPARE(root.keys(), (QStringList{QStringLiteral("keys"), QStringLiteral("values")}));
        const QJsonArray got = root[QStringLiteral("values")].toArray();
        QCOMPARE(got.size(), values.size());
        for (int i = 0; i < values.size(); ++i) {
            QVERIFY2(got[i].isString(), qPrintable(QStringLiteral("'%1' was not read back as a string").arg(values[i])));
            QCOMPARE(got[i].toString(), values[i]);
        }
        QCOMPARE(root[QStringLiteral("keys")].toObject()[QStringLiteral("key: with colon")].toString(), QStringLiteral("v"));
    }

    // ---- every example plan exports, validates strictly and is deterministic ----------

    void examples_data()
    {
        QTest::addColumn<QString>("file");
        const QString dir = QStringLiteral(CW_SOURCE_DIR "/resources/examples/");
        for (const QString& f : QDir(dir).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(f)) << dir + f;
    }

    void examples()
    {
        QFETCH(QString, file);
        const model::Plan plan = readPlan(file);
        const auto& cat = catalog::Catalog::embedded();
        const exporter::Bundle a = exporter::exportBundle(plan, cat);
        QVERIFY2(a.ok(), qPrintable(formatAll(a.diagnostics)));
        QCOMPARE(int(a.clusters.size()), int(plan.clusters.size()));

        // Deterministic: a second export gives the same files, byte for byte.
        const exporter::Bundle b = exporter::exportBundle(plan, cat);
        QCOMPARE(a.files.size(), b.files.size());
        for (size_t i = 0; i < a.files.size(); ++i) {
            QCOMPARE(a.files[i].path, b.files[i].path);
            QVERIFY2(a.files[i].content == b.files[i].content, a.files[i].path.c_str());
        }

        QTemporaryDir tmp;
        QVERIFY(writeTo(a, tmp.path()));
        const QStringList docs = yamlFiles(tmp.path());
        QVERIFY(!docs.isEmpty());
        const Run v = run(QStringLiteral("/usr/bin/python3"),
                          QStringList{kValidator, QStringLiteral("--schemas"), kSchemas, QStringLiteral("--k8s-version"),
                                      QStringLiteral("1.34")} + docs);
        QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
        QVERIFY2(!v.out.contains(QStringLiteral("FAIL")), qPrintable(v.out));
        QVERIFY2(!v.out.contains(QStringLiteral("warning")), qPrintable(v.out)); // no deprecated API version

        for (const auto& name : a.clusters) {
            const QString script = tmp.path() + QLatin1Char('/') + QString::fromStdString(name) + QStringLiteral("/commands.sh");
            QVERIFY(QFileInfo(script).isExecutable());
            const Run syntax = run(QStringLiteral("/bin/bash"), {QStringLiteral("-n"), script});
            QVERIFY2(syntax.exitCode == 0, qPrintable(syntax.err));
        }
    }

    // ---- golden bundles: tests/data/export/<case>/plan.yaml -> expected/ -------------

    void golden_data()
    {
        QTest::addColumn<QString>("caseDir");
        const QString dir = QStringLiteral(CW_TEST_DATA_DIR "/export/");
        for (const QString& c : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::newRow(qPrintable(c)) << dir + c;
    }

    void golden()
    {
        QFETCH(QString, caseDir);
        const model::Plan plan = readPlan(caseDir + QStringLiteral("/plan.yaml"));
        const exporter::Bundle bundle = exporter::exportBundle(plan, catalog::Catalog::embedded());
        QVERIFY2(bundle.ok(), qPrintable(formatAll(bundle.diagnostics)));
        const QString expectedDir = caseDir + QStringLiteral("/expected");
        if (qEnvironmentVariableIsSet("CW_UPDATE_GOLDEN")) {
            QDir(expectedDir).removeRecursively();
            QVERIFY(writeTo(bundle, expectedDir));
            QSKIP("golden files rewritten (CW_UPDATE_GOLDEN)");
        }
        QStringList expectedFiles;
        QDirIterator it(expectedDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            expectedFiles << QDir(expectedDir).relativeFilePath(it.next());
        expectedFiles.sort();
        QStringList actualFiles;
        for (const auto& f : bundle.files)
            actualFiles << QString::fromStdString(f.path);
        actualFiles.sort();
        QCOMPARE(actualFiles, expectedFiles);
        for (const auto& f : bundle.files) {
            QFile e(expectedDir + QLatin1Char('/') + QString::fromStdString(f.path));
            QVERIFY(e.open(QIODevice::ReadOnly));
            const QString expected = QString::fromUtf8(e.readAll());
            const QString actual = QString::fromStdString(f.content);
            if (expected != actual) {
                QFAIL(qPrintable(QStringLiteral("%1 differs from the golden file (CW_UPDATE_GOLDEN=1 rewrites it):\n%2")
                                     .arg(QString::fromStdString(f.path),
                                          unifiedDiff(expected.split(QLatin1Char('\n')), actual.split(QLatin1Char('\n'))))));
            }
        }
        // The golden bundle itself passes the strict schema check.
        const Run v = run(QStringLiteral("/usr/bin/python3"),
                          QStringList{kValidator, QStringLiteral("--schemas"), kSchemas, QStringLiteral("--k8s-version"),
                                      QStringLiteral("1.34")} + yamlFiles(expectedDir));
        QVERIFY2(v.exitCode == 0 && !v.out.contains(QStringLiteral("FAIL")), qPrintable(v.out + v.err));
    }

    // ---- names and values the export refuses, with the fix it suggests ---------------

    void refused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("reason");

        const QString longName = QString(300, QLatin1Char('w'));
        QTest::newRow("workload $(...)") << "workload.name" << "$(touch /tmp/x)" << "CW501" << "for example 'touch-tmp-x'";
        QTest::newRow("workload 300 chars") << "workload.name" << longName << "CW501" << "300 characters long; the limit is 63";
        QTest::newRow("workload newline") << "workload.name" << "web\nkind: Secret" << "CW501" << "other than a-z";
        QTest::newRow("service starts with digit") << "workload.name" << "9web" << "CW501" << "Service name";
        QTest::newRow("namespace quotes") << "workload.namespace" << "a'b" << "CW501" << "namespace";
        QTest::newRow("image $(...)") << "workload.image" << "nginx:$(touch /tmp/x)" << "CW506" << "container image reference";
        QTest::newRow("image backticks") << "workload.image" << "`touch /tmp/x`" << "CW506" << "container image reference";
        QTest::newRow("image newline") << "workload.image" << "nginx\n  command: [sh]" << "CW506" << "container image";
        QTest::newRow("no image") << "workload.image" << "" << "CW505" << "has no container image";
        QTest::newRow("label value") << "workload.label" << "$(touch /tmp/x)" << "CW503" << "label value";
        QTest::newRow("label value quote") << "workload.label" << "a'b" << "CW503" << "label value";
        QTest::newRow("data bucket $(...)") << "workload.data" << "gs://$(touch /tmp/x)" << "CW507" << "not a bucket name";
        QTest::newRow("data path comma") << "workload.data" << "gs://bucket/a,uid=0" << "CW507" << "only letters, digits";
        QTest::newRow("data scheme") << "workload.data" << "http://example.com/x" << "CW507" << "expected gs://";
        QTest::newRow("pool name") << "pool.name" << "p'; touch /tmp/x" << "CW501" << "GKE node pool name";
        QTest::newRow("pool taint") << "pool.taint" << "present; touch /tmp/x" << "CW503" << "taint value";
        QTest::newRow("pool label key") << "pool.labelKey" << "a=b,c" << "CW503" << "label key";
        QTest::newRow("pool zone") << "pool.zone" << "us-central1-a,$(id)" << "CW503" << "not a zone of";
        QTest::newRow("reservation") << "pool.reservation" << "r';id'" << "CW503" << "reservation";
        QTest::newRow("project") << "cluster.project" << "p$(id)" << "CW508" << "project id";
        QTest::newRow("location") << "cluster.location" << "us-central1;id" << "CW508" << "region or zone";
        QTest::newRow("version") << "cluster.version" << "1.34; id" << "CW508" << "GKE version";
        QTest::newRow("headless service too long") << "workload.trainingName" << QString(58, QLatin1Char('t'))
                                                   << "CW502" << "headless Service";
        QTest::newRow("worker hostname too long") << "workload.trainingName" << QStringLiteral("t") + QString(59, QLatin1Char('x'))
                                                  << "CW502" << "shorten";
    }

    // A plan as the GUI could hold it (never read from a file) with one bad value: the
    // export refuses it with the code and a reason, and writes nothing.
    void refused()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, code);
        QFETCH(QString, reason);
        model::Plan plan = readPlan(QStringLiteral(CW_TEST_DATA_DIR "/export/gke-options/plan.yaml"));
        const std::string v = value.toStdString();
        model::Cluster& c = plan.clusters.front();
        model::Workload* shared = plan.workload("shared-l4");
        model::Workload* ft = plan.workload("ft-a100");
        if (field == QLatin1String("workload.name")) {
            shared->name = v;
        } else if (field == QLatin1String("workload.namespace")) {
            shared->nameSpace = v;
        } else if (field == QLatin1String("workload.image")) {
            shared->image = v;
        } else if (field == QLatin1String("workload.label")) {
            shared->labels["owner"] = v;
        } else if (field == QLatin1String("workload.data")) {
            shared->data = model::DataSource{v, 1, 1};
        } else if (field == QLatin1String("workload.trainingName")) {
            ft->name = v;
            ft->replicas = 100;
        } else if (field == QLatin1String("pool.name")) {
            c.nodePools.front().name = v;
        } else if (field == QLatin1String("pool.taint")) {
            c.nodePools.front().taints.front().value = v;
        } else if (field == QLatin1String("pool.labelKey")) {
            c.nodePools.front().labels[v] = "x";
        } else if (field == QLatin1String("pool.zone")) {
            c.nodePools.front().zones = {v};
        } else if (field == QLatin1String("pool.reservation")) {
            c.pool("a100-reserved")->reservation = v;
        } else if (field == QLatin1String("cluster.project")) {
            c.project = v;
        } else if (field == QLatin1String("cluster.location")) {
            c.location = v;
        } else if (field == QLatin1String("cluster.version")) {
            c.kubernetesVersion = v;
        } else {
            QFAIL("unknown field");
        }
        const exporter::Bundle bundle = exporter::exportBundle(plan, catalog::Catalog::embedded());
        QVERIFY(!bundle.ok());
        QVERIFY(bundle.files.empty());
        const QStringList errors = codes(bundle.diagnostics, diag::Severity::Error);
        QVERIFY2(errors.contains(code), qPrintable(formatAll(bundle.diagnostics)));
        bool found = false;
        for (const auto& d : bundle.diagnostics.items()) {
            if (QString::fromStdString(d.code) == code && QString::fromStdString(d.message()).contains(reason))
                found = true;
        }
        QVERIFY2(found, qPrintable(QStringLiteral("no %1 says '%2':\n%3").arg(code, reason, formatAll(bundle.diagnostics))));
    }

    // The plan's free text reaches comments, echo lines and the README: running the
    // exported script (with recorders in place of the cloud CLIs) runs nothing of it, and
    // the CLIs receive exactly the plan's values.
    void hostileTextRunsNothing()
    {
        const model::Plan plan = readPlan(QStringLiteral(CW_TEST_DATA_DIR "/export/hostile-text/plan.yaml"));
        const exporter::Bundle bundle = exporter::exportBundle(plan, catalog::Catalog::embedded());
        QVERIFY2(bundle.ok(), qPrintable(formatAll(bundle.diagnostics)));
        QTemporaryDir tmp;
        QVERIFY(writeTo(bundle, tmp.filePath(QStringLiteral("bundle"))));
        const QString bin = makeRecorderBin(tmp.path(), {QStringLiteral("gcloud"), QStringLiteral("kubectl"),
                                                         QStringLiteral("aws"), QStringLiteral("eksctl")});
        for (const QString& canary : {QStringLiteral("/tmp/cw-canary-name"), QStringLiteral("/tmp/cw-canary-desc")})
            QFile::remove(canary);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("RECORDER_LOG"), tmp.filePath(QStringLiteral("calls")));
        env.insert(QStringLiteral("PROJECT_ID"), QStringLiteral("hostile-test"));
        const Run r = run(QStringLiteral("/bin/bash"), {tmp.filePath(QStringLiteral("bundle/gke-hostile/commands.sh"))}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!QFile::exists(QStringLiteral("/tmp/cw-canary-name")), "the plan name executed a command");
        QVERIFY2(!QFile::exists(QStringLiteral("/tmp/cw-canary-desc")), "the description executed a command");
        const QList<Call> calls = readCalls(tmp.filePath(QStringLiteral("calls")));
        QStringList programs;
        for (const Call& c : calls)
            programs << c.program + QLatin1Char(' ') + QString::fromUtf8(c.args.value(0)) + QLatin1Char(' ')
                            + QString::fromUtf8(c.args.value(1)) + QLatin1Char(' ') + QString::fromUtf8(c.args.value(2));
        QCOMPARE(programs, (QStringList{QStringLiteral("gcloud container clusters create"),
                                        QStringLiteral("gcloud container node-pools create"),
                                        QStringLiteral("gcloud container node-pools delete"),
                                        QStringLiteral("gcloud container clusters get-credentials"),
                                        QStringLiteral("kubectl apply --filename=manifests/ ")}));
        // The first call creates the cluster with the plan's values, unchanged.
        const QList<QByteArray> create = calls[0].args;
        QCOMPARE(create.value(3), QByteArray("gke-hostile"));
        QVERIFY(create.contains("--project=hostile-test"));
        QVERIFY(create.contains("--location=europe-west4"));
        QVERIFY(create.contains("--workload-pool=hostile-test.svc.id.goog"));
    }

    // Every exported file of every example passes the scan for text that could only come
    // from unescaped plan content.
    void commentsStayComments()
    {
        const model::Plan plan = readPlan(QStringLiteral(CW_TEST_DATA_DIR "/export/hostile-text/plan.yaml"));
        const exporter::Bundle bundle = exporter::exportBundle(plan, catalog::Catalog::embedded());
        QVERIFY(bundle.ok());
        for (const auto& f : bundle.files) {
            const QString text = QString::fromStdString(f.content);
            for (const QString& line : text.split(QLatin1Char('\n'))) {
                QVERIFY2(!line.startsWith(QLatin1String("kind: Secret")), f.path.c_str());
                QVERIFY2(!line.startsWith(QLatin1String("$(touch")), f.path.c_str());
            }
            QVERIFY2(!text.contains(QChar(0x2028)) && !text.contains(QChar(0x85)), f.path.c_str());
        }
    }

    // ---- node counts and cost from the solver ----------------------------------------

    void solverCounts()
    {
        const model::Plan plan = readPlan(QStringLiteral(CW_TEST_DATA_DIR "/export/gke-options/plan.yaml"));
        const auto& cat = catalog::Catalog::embedded();
        solve::Solution sol;
        solve::ClusterSolution cs;
        cs.cluster = "gke-opts";
        cs.optimal = true;
        const catalog::MachineType* g2 = cat.machineType(model::Provider::Gke, "g2-standard-24");
        QVERIFY(g2);
        solve::NodeGroup g;
        g.pool = "l4-spot";
        g.machineType = "g2-standard-24";
        g.capacity = model::Capacity::Spot;
        g.count = 4;
        g.hourlyPricePerNode = cat.machinePrice(model::Provider::Gke, *g2, model::Capacity::Spot).usdPerHour;
        cs.groups.push_back(g);
        sol.clusters.push_back(cs);
        exporter::ExportOptions options;
        options.solution = &sol;
        const exporter::Bundle bundle = exporter::exportBundle(plan, cat, options);
        QVERIFY(bundle.ok());
        const QString script = QString::fromStdString(bundle.file("gke-opts/commands.sh")->content);
        // 4 nodes over the pool's 2 zones: 2 per zone.
        const qsizetype pool = script.indexOf(QLatin1String("node-pools create \\\n      l4-spot"));
        QVERIFY(pool > 0);
        const qsizetype next = script.indexOf(QLatin1String("node-pools create"), pool + 20);
        QVERIFY(script.mid(pool, next - pool).contains(QLatin1String("--num-nodes=2 ")));
        const QString readme = QString::fromStdString(bundle.file("gke-opts/README.md")->content);
        QVERIFY(readme.contains(QLatin1String("Node counts from the solver (proven optimal)")));
        char total[64];
        std::snprintf(total, sizeof total, "$%.2f", g.hourlyPricePerNode * 4);
        QVERIFY2(readme.contains(QLatin1String(total)), total);
    }

    // ---- targets ---------------------------------------------------------------------

    void targets()
    {
        const model::Plan plan = readPlan(QStringLiteral(CW_SOURCE_DIR "/resources/examples/genai-platform.yaml"));
        exporter::ExportOptions options;
        options.target = exporter::Target::Eks;
        exporter::Bundle eks = exporter::exportBundle(plan, catalog::Catalog::embedded(), options);
        QVERIFY(eks.ok());
        QCOMPARE(eks.clusters, (std::vector<std::string>{"eks-ai"}));
        QVERIFY(eks.file("eks-ai/cluster.yaml"));
        options.target = exporter::Target::Gke;
        exporter::Bundle gke = exporter::exportBundle(plan, catalog::Catalog::embedded(), options);
        QCOMPARE(gke.clusters, (std::vector<std::string>{"gke-ai", "gke-serve-ap"}));
        const model::Plan eksOnly = readPlan(QStringLiteral(CW_SOURCE_DIR "/resources/examples/platform-eks.yaml"));
        exporter::Bundle none = exporter::exportBundle(eksOnly, catalog::Catalog::embedded(), options);
        QVERIFY(!none.ok());
        QCOMPARE(codes(none.diagnostics, diag::Severity::Error), QStringList{QStringLiteral("CW511")});
    }

    // ---- writing: refuse foreign folders, replace earlier bundles, nothing half-done ---

    void writeRefusesForeignFolder()
    {
        const model::Plan plan = readPlan(QStringLiteral(CW_TEST_DATA_DIR "/export/llm-training-gke/plan.yaml"));
        const exporter::Bundle bundle = exporter::exportBundle(plan, catalog::Catalog::embedded());
        QTemporaryDir tmp;
        QFile other(tmp.filePath(QStringLiteral("notes.txt")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("mine");
        other.close();
        auto r = exporter::writeBundle(bundle, tmp.path().toStdString());
        QVERIFY(!r.ok);
        QVERIFY(r.refusedNonEmpty);
        QVERIFY(r.written.empty());
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("notes.txt")});
        exporter::WriteOptions force;
        force.force = true;
        r = exporter::writeBundle(bundle, tmp.path().toStdString(), force);
        QVERIFY2(r.ok, r.error.c_str());
        QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("notes.txt"))));
        QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("gke-train/commands.sh"))));
    }

    void writeReplacesEarlierBundle()
    {
        const auto& cat = catalog::Catalog::embedded();
        model::Plan plan = readPlan(QStringLiteral(CW_TEST_DATA_DIR "/export/llm-training-gke/plan.yaml"));
        QTemporaryDir tmp;
        QVERIFY(writeTo(exporter::exportBundle(plan, cat), tmp.path()));
        QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("gke-train/manifests/11-deployment-tensorboard.yaml"))));
        // A user's own file in the bundle folder is left alone.
        QFile mine(tmp.filePath(QStringLiteral("gke-train/manifests/99-mine.yaml")));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.close();
        // The tensorboard workload goes: its files must not stay behind to be applied.
        plan.workloads.erase(plan.workloads.begin() + 1);
        const exporter::Bundle second = exporter::exportBundle(plan, cat);
        const auto r = exporter::writeBundle(second, tmp.path().toStdString());
        QVERIFY2(r.ok, r.error.c_str());
        QVERIFY(!r.removed.empty());
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("gke-train/manifests/11-deployment-tensorboard.yaml"))));
        QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("gke-train/manifests/99-mine.yaml"))));
        QStringList onDisk;
        QDirIterator it(tmp.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = QDir(tmp.path()).relativeFilePath(it.next());
            QVERIFY2(!f.contains(QLatin1String(".cw-tmp-")), qPrintable(f));
            if (f != QLatin1String("gke-train/manifests/99-mine.yaml"))
                onDisk << f;
        }
        onDisk.sort();
        QStringList expected;
        for (const auto& f : second.files)
            expected << QString::fromStdString(f.path);
        expected.sort();
        QCOMPARE(onDisk, expected);
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
