// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;

namespace cw::gui {

// A bar above the canvas that tells about something that needs a decision without blocking
// the work (the file changed on disk), with buttons for the choices.
class InfoBar : public QFrame
{
    Q_OBJECT

public:
    explicit InfoBar(QWidget* parent = nullptr);

    // Replaces the message and the buttons; each button runs its action and closes the bar.
    void showMessage(const QString& text, const QList<QPair<QString, std::function<void()>>>& buttons);
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateColors();

    QLabel* m_label;
    QHBoxLayout* m_buttons;
    bool m_updating = false;
};

} // namespace cw::gui
