// SPDX-License-Identifier: GPL-3.0-or-later
#include "plandocument.h"

#include "check/plancheck.h"
#include "io/planreader.h"
#include "io/planwriter.h"

#include <QUndoStack>

namespace cw::document {

PlanDocument::PlanDocument(const catalog::Catalog& catalog, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

PlanDocument::~PlanDocument() = default;

std::unique_ptr<PlanDocument> PlanDocument::open(const QString& path, const catalog::Catalog& catalog,
                                                 QString* error, diag::Diagnostics* diags)
{
    io::PlanReadResult r = io::readPlanFile(path.toStdString());
    if (diags)
        *diags = r.diagnostics;
    if (!r.plan) {
        if (error) {
            QStringList lines;
            for (const auto& d : r.diagnostics.items()) {
                if (d.severity == diag::Severity::Error)
                    lines << QString::fromStdString(d.format());
            }
            *error = lines.join(QLatin1Char('\n'));
        }
        return nullptr;
    }
    auto doc = fromPlan(std::move(*r.plan), catalog);
    doc->m_fileName = path;
    return doc;
}

std::unique_ptr<PlanDocument> PlanDocument::fromPlan(model::Plan plan, const catalog::Catalog& catalog)
{
    auto doc = std::make_unique<PlanDocument>(catalog);
    doc->m_plan = std::move(plan);
    doc->recheck();
    return doc;
}

void PlanDocument::setFileName(const QString& fileName)
{
    if (fileName == m_fileName)
        return;
    m_fileName = fileName;
    Q_EMIT fileNameChanged(fileName);
}

bool PlanDocument::isModified() const
{
    return !m_undoStack->isClean();
}

bool PlanDocument::save(const QString& path, QString* error)
{
    std::string why;
    if (!io::writePlanFile(m_plan, path.toStdString(), &why)) {
        if (error)
            *error = QString::fromStdString(why);
        return false;
    }
    m_plan.sourceFile = path.toStdString();
    setFileName(path);
    m_undoStack->setClean();
    return true;
}

void PlanDocument::replacePlan(model::Plan plan)
{
    plan.sourceFile = m_plan.sourceFile;
    m_plan = std::move(plan);
    recheck();
    Q_EMIT planChanged();
}

void PlanDocument::recheck()
{
    m_diagnostics = {};
    check::checkPlan(m_plan, m_catalog, m_diagnostics);
}

} // namespace cw::document
