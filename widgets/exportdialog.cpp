// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "bundlehighlighter.h"

#include "check/plancheck.h"
#include "solve/solver.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace cw::widgets {

namespace {
constexpr int kPathRole = Qt::UserRole + 1;

QString severityText(diag::Severity s)
{
    switch (s) {
    case diag::Severity::Error: return ExportDialog::tr("error");
    case diag::Severity::Warning: return ExportDialog::tr("warning");
    case diag::Severity::Info: return ExportDialog::tr("note");
    }
    return {};
}
} // namespace

ExportDialog::ExportDialog(const model::Plan& plan, const catalog::Catalog& catalog, const solve::Solution* solution,
                           QWidget* parent)
    : QDialog(parent), m_plan(plan), m_catalog(catalog), m_solution(solution)
{
    setWindowTitle(tr("Export Bundle"));
    if (!m_solution) {
        diag::Diagnostics diags;
        check::checkPlan(m_plan, m_catalog, diags);
        if (!diags.hasErrors()) {
            m_ownSolution = std::make_unique<solve::Solution>(solve::solve(m_plan, m_catalog));
            m_solution = m_ownSolution.get();
        }
    }

    m_targetBox = new QComboBox(this);
    m_targetBox->addItem(tr("All clusters"), int(exporter::Target::All));
    m_targetBox->addItem(tr("GKE clusters"), int(exporter::Target::Gke));
    m_targetBox->addItem(tr("EKS clusters"), int(exporter::Target::Eks));
    connect(m_targetBox, &QComboBox::currentIndexChanged, this, [this] {
        m_target = exporter::Target(m_targetBox->currentData().toInt());
        rebuild();
    });
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("files"));
    m_tree->setHeaderLabels({tr("File"), tr("Size")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setUniformRowHeights(true);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) { showItem(item); });

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new BundleHighlighter(m_preview->document());

    m_diagnostics = new QTreeWidget(this);
    m_diagnostics->setObjectName(QStringLiteral("diagnostics"));
    m_diagnostics->setHeaderLabels({tr("Severity"), tr("Code"), tr("Where"), tr("Message")});
    m_diagnostics->setRootIsDecorated(false);
    m_diagnostics->header()->setStretchLastSection(true);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tree);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({400, 1000});
    auto* vsplit = new QSplitter(Qt::Vertical, this);
    vsplit->addWidget(split);
    vsplit->addWidget(m_diagnostics);
    vsplit->setStretchFactor(0, 4);
    vsplit->setStretchFactor(1, 1);
    vsplit->setSizes({640, 120});

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy File"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("&Save to Folder…"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(m_copy, &QPushButton::clicked, this, &ExportDialog::copyCurrentFile);
    connect(m_save, &QPushButton::clicked, this, &ExportDialog::saveInteractively);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Export:"), this));
    top->addWidget(m_targetBox);
    top->addWidget(m_summary, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(vsplit, 1);
    layout->addWidget(buttons);
    resize(1200, 800);
    rebuild();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::setTarget(exporter::Target target)
{
    m_targetBox->setCurrentIndex(m_targetBox->findData(int(target)));
}

void ExportDialog::rebuild()
{
    const QString previous = currentFile();
    // The plan's own problems first: a plan with errors is not exported.
    diag::Diagnostics planDiags;
    check::checkPlan(m_plan, m_catalog, planDiags);
    exporter::ExportOptions options;
    options.target = m_target;
    options.solution = m_solution;
    if (planDiags.hasErrors()) {
        m_bundle = {};
        m_bundle.diagnostics = planDiags;
    } else {
        m_bundle = exporter::exportBundle(m_plan, m_catalog, options);
    }

    m_tree->clear();
    std::map<QString, QTreeWidgetItem*> folders;
    const QIcon folderIcon = style()->standardIcon(QStyle::SP_DirIcon);
    const QIcon fileIcon = style()->standardIcon(QStyle::SP_FileIcon);
    QTreeWidgetItem* first = nullptr;
    for (const auto& f : m_bundle.files) {
        const QString path = QString::fromStdString(f.path);
        const QStringList parts = path.split(QLatin1Char('/'));
        QTreeWidgetItem* parent = nullptr;
        QString prefix;
        for (int i = 0; i + 1 < parts.size(); ++i) {
            prefix += parts[i] + QLatin1Char('/');
            auto it = folders.find(prefix);
            if (it == folders.end()) {
                auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
                item->setText(0, parts[i]);
                item->setIcon(0, folderIcon);
                it = folders.emplace(prefix, item).first;
            }
            parent = it->second;
        }
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setText(0, parts.last());
        item->setIcon(0, fileIcon);
        item->setText(1, tr("%n line(s)", nullptr, int(std::count(f.content.begin(), f.content.end(), '\n'))));
        item->setData(0, kPathRole, path);
        if (!first && path.endsWith(QLatin1String("/README.md")))
            first = item;
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(1);

    m_diagnostics->clear();
    for (const auto& d : m_bundle.diagnostics.items()) {
        auto* item = new QTreeWidgetItem(m_diagnostics);
        item->setText(0, severityText(d.severity));
        item->setText(1, QString::fromStdString(d.code));
        diag::Location where = d.where;
        where.file = QFileInfo(QString::fromStdString(where.file)).fileName().toStdString();
        item->setText(2, QString::fromStdString(where.toString()));
        item->setText(3, QCoreApplication::translate("Diagnostics", std::string(diag::messageTemplate(d.code)).c_str()));
        // Fill the placeholders of the translated template with the arguments.
        QString text = item->text(3);
        for (size_t i = d.args.size(); i > 0; --i)
            text.replace(QStringLiteral("%") + QString::number(i), QString::fromStdString(d.args[i - 1]));
        item->setText(3, text);
        item->setToolTip(3, text);
        const auto icon = d.severity == diag::Severity::Error ? QStyle::SP_MessageBoxCritical
                        : d.severity == diag::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                                 : QStyle::SP_MessageBoxInformation;
        item->setIcon(0, style()->standardIcon(icon));
    }
    for (int c = 0; c < 3; ++c)
        m_diagnostics->resizeColumnToContents(c);

    const bool ok = m_bundle.ok() && !m_bundle.files.empty();
    if (ok) {
        m_summary->setText(tr("%n cluster(s), %1 file(s); %2 warning(s).", nullptr, int(m_bundle.clusters.size()))
                               .arg(m_bundle.files.size())
                               .arg(m_bundle.diagnostics.warningCount()));
    } else {
        m_summary->setText(tr("Nothing can be exported: %n error(s), listed below.", nullptr,
                              m_bundle.diagnostics.errorCount()));
    }
    m_save->setEnabled(ok);
    if (!previous.isEmpty() && selectFile(previous))
        return;
    if (first)
        m_tree->setCurrentItem(first);
    else
        showItem(nullptr);
}

void ExportDialog::showItem(QTreeWidgetItem* item)
{
    const QString path = item ? item->data(0, kPathRole).toString() : QString();
    const exporter::BundleFile* f = path.isEmpty() ? nullptr : m_bundle.file(path.toStdString());
    m_copy->setEnabled(f != nullptr);
    if (!f) {
        m_preview->clear();
        return;
    }
    m_highlighter->setLanguage(BundleHighlighter::languageFor(path));
    m_preview->setPlainText(QString::fromStdString(f->content));
}

bool ExportDialog::selectFile(const QString& path)
{
    QTreeWidgetItemIterator it(m_tree);
    for (; *it; ++it) {
        if ((*it)->data(0, kPathRole).toString() == path) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

QString ExportDialog::currentFile() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? item->data(0, kPathRole).toString() : QString();
}

QString ExportDialog::previewText() const
{
    return m_preview->toPlainText();
}

int ExportDialog::fileCount() const
{
    return int(m_bundle.files.size());
}

void ExportDialog::copyCurrentFile()
{
    if (const exporter::BundleFile* f = m_bundle.file(currentFile().toStdString()))
        QApplication::clipboard()->setText(QString::fromStdString(f->content));
}

exporter::WriteResult ExportDialog::saveTo(const QString& dir, bool force)
{
    exporter::WriteOptions options;
    options.force = force;
    return exporter::writeBundle(m_bundle, dir.toStdString(), options);
}

void ExportDialog::saveInteractively()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Save Export Bundle To"));
    if (dir.isEmpty())
        return;
    exporter::WriteResult r = saveTo(dir, false);
    if (!r.ok && r.refusedNonEmpty) {
        const auto answer = QMessageBox::question(
            this, tr("Folder is not empty"),
            tr("%1 holds other files and no earlier export bundle.\n\nWrite the bundle into it anyway? "
               "Nothing in it is removed; files with the same names are replaced.")
                .arg(dir));
        if (answer != QMessageBox::Yes)
            return;
        r = saveTo(dir, true);
    }
    if (!r.ok) {
        QMessageBox::critical(this, tr("Export failed"),
                              tr("The bundle could not be written to %1:\n\n%2").arg(dir, QString::fromStdString(r.error)));
        return;
    }
    QString text = tr("Wrote %n file(s) to %1.", nullptr, int(r.written.size())).arg(dir);
    if (!r.removed.empty())
        text += QLatin1Char('\n') + tr("Removed %n file(s) of the earlier export that this one no longer writes.", nullptr,
                                        int(r.removed.size()));
    QMessageBox::information(this, tr("Bundle saved"), text);
    accept();
}

} // namespace cw::widgets
