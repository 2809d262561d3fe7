// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/bundle.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace cw::solve {
struct Solution;
}

namespace cw::widgets {

class BundleHighlighter;

// Previews the export bundle of a plan before it is written: the bundle's file tree, the
// selected file with syntax colouring, the export's diagnostics; copies a file or saves
// the whole bundle to a folder.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    // Without a solution the dialog solves the plan once, so that fixed pools start with the
    // solver's node counts and the README prices them.
    ExportDialog(const model::Plan& plan, const catalog::Catalog& catalog, const solve::Solution* solution,
                 QWidget* parent = nullptr);
    ~ExportDialog() override;

    const exporter::Bundle& bundle() const { return m_bundle; }
    void setTarget(exporter::Target target);
    // Shows one file of the bundle by its path; false if there is no such file.
    bool selectFile(const QString& path);
    QString currentFile() const;
    QString previewText() const;
    int fileCount() const;
    // Copies the selected file to the clipboard.
    void copyCurrentFile();
    // Writes the bundle to dir (atomically, file by file). Without force a non-empty folder
    // that is not an earlier bundle is refused.
    exporter::WriteResult saveTo(const QString& dir, bool force);

private:
    void rebuild();
    void showItem(QTreeWidgetItem* item);
    void saveInteractively();

    const model::Plan& m_plan;
    const catalog::Catalog& m_catalog;
    const solve::Solution* m_solution;
    std::unique_ptr<solve::Solution> m_ownSolution;
    exporter::Target m_target = exporter::Target::All;
    exporter::Bundle m_bundle;

    QComboBox* m_targetBox;
    QTreeWidget* m_tree;
    QPlainTextEdit* m_preview;
    BundleHighlighter* m_highlighter;
    QTreeWidget* m_diagnostics;
    QLabel* m_summary;
    QPushButton* m_copy;
    QPushButton* m_save;
};

} // namespace cw::widgets
