<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="126" />
        <source>Assign</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="131" />
        <source>Specialist</source>
        <translation>Специалист</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="132" />
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="115" />
        <source>Close or refuse</source>
        <translation>Закрытие или отказ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="119" />
        <source>Required for a refusal (R6.3, R6.4, R1.1)</source>
        <translation>Обязательно при отказе (R6.3, R6.4, R1.1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="120" />
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="121" />
        <source>Justification</source>
        <translation>Обоснование</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="32" />
        <source>Centaur Support Desk — sign in</source>
        <translation>Центавр: служба поддержки — вход</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="39" />
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="40" />
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="47" />
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/main.py" line="36" />
        <source>Creating the demo database…</source>
        <translation>Создаётся демонстрационная база…</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="46" />
        <source>Demo: op.petrov, lead.sokolova or admin; password %1</source>
        <translation>Демо: op.petrov, lead.sokolova или admin; пароль %1</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="65" />
        <source>Cannot open the database</source>
        <translation>Не удалось открыть базу данных</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <location filename="../../ui/main_window.py" line="340" />
        <source>Centaur Support Desk</source>
        <translation>Центавр: служба поддержки</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>New request</source>
        <translation>Новое обращение</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138" />
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>Mine</source>
        <translation>Мои</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149" />
        <source>Unassigned</source>
        <translation>Без исполнителя</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150" />
        <source>Breached</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151" />
        <source>Warning</source>
        <translation>На исходе</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159" />
        <source>Any severity</source>
        <translation>Любая критичность</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163" />
        <source>Any package</source>
        <translation>Любой пакет</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167" />
        <source>Search: number, customer, subject (Ctrl+F)</source>
        <translation>Поиск: номер, заказчик, тема (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178" />
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>Interface &amp;language</source>
        <translation>&amp;Язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301" />
        <source>Shown %1 of %2</source>
        <translation>Показано %1 из %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312" />
        <source>working time</source>
        <translation>рабочее время</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312" />
        <source>non-working time</source>
        <translation>нерабочее время</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331" />
        <source>SLA breached: %1 %2</source>
        <translation>Срок реакции нарушен: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333" />
        <source>SLA warning: %1 %2</source>
        <translation>Срок реакции на исходе: %1 %2</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <location filename="../../ui/intake_dialog.py" line="49" />
        <source>New request</source>
        <translation>Новое обращение</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="54" />
        <source>Organisation, contact, phone or e-mail — type to search</source>
        <translation>Организация, контакт, телефон или e-mail — начните вводить</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="58" />
        <source>No customer chosen</source>
        <translation>Заказчик не выбран</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="86" />
        <source>Needed when the request came earlier</source>
        <translation>Нужна, если обращение поступило раньше</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="92" />
        <source>Notify the customer now (registration number)</source>
        <translation>Сразу уведомить заказчика (номер регистрации)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="94" />
        <source>Customer</source>
        <translation>Заказчик</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="100" />
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="101" />
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="102" />
        <source>Package claimed</source>
        <translation>Заявленный пакет</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="104" />
        <source>Severity</source>
        <translation>Критичность</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="105" />
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="107" />
        <source>Product version</source>
        <translation>Версия продукта</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="109" />
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="110" />
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="114" />
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="117" />
        <source>Register</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="149" />
        <source>no active contract</source>
        <translation>нет действующего договора</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="165" />
        <source>contract %1, %2, valid to %3</source>
        <translation>договор %1, %2, действует до %3</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="172" />
        <source>no active contract on file</source>
        <translation>действующего договора нет</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="176" />
        <source>(not specified)</source>
        <translation>(не указан)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="219" />
        <source>Choose the customer to see the reaction deadline</source>
        <translation>Выберите заказчика, чтобы увидеть срок реакции</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="230" />
        <source>Reaction due by %1, target %2 working h (package %3)</source>
        <translation>Реакция до %1, норматив %2 раб. ч (пакет «%3»)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="236" />
        <source>Personal specialist: %1</source>
        <translation>Персональный специалист: %1</translation>
    </message>
    <message>
        <location filename="../../ui/intake_dialog.py" line="244" />
        <source>Choose the customer first.</source>
        <translation>Сначала выберите заказчика.</translation>
    </message>
</context>
<context>
    <name>NotifyDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="139" />
        <source>Notify the customer</source>
        <translation>Уведомление заказчика</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="143" />
        <source>Optional: information we need</source>
        <translation>Необязательно: какие сведения нужны</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="147" />
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="148" />
        <source>Request for information</source>
        <translation>Запрос сведений</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="149" />
        <source>Notice text</source>
        <translation>Текст уведомления</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../ui/queue_model.py" line="245" />
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="246" />
        <source>Reaction SLA</source>
        <translation>Срок реакции</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="247" />
        <source>Severity</source>
        <translation>Критичность</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="248" />
        <source>Package</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="249" />
        <source>Customer</source>
        <translation>Заказчик</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="250" />
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="251" />
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="252" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="253" />
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="273" />
        <source>claimed: %1</source>
        <translation>заявлен: %1</translation>
    </message>
</context>
<context>
    <name>SeverityDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="92" />
        <source>Change severity</source>
        <translation>Изменение критичности</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="96" />
        <source>Customer's person who agreed</source>
        <translation>Представитель заказчика, давший согласие</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="101" />
        <source>The severity changes only with the customer's agreement (R2.2).</source>
        <translation>Критичность меняется только с согласия заказчика (R2.2).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="104" />
        <source>New severity</source>
        <translation>Новая критичность</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="105" />
        <source>Agreed by</source>
        <translation>Кто согласовал</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="106" />
        <source>Agreed at</source>
        <translation>Когда согласовано</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="107" />
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
</context>
<context>
    <name>Sla</name>
    <message>
        <location filename="../../ui/sla_delegate.py" line="32" />
        <source>overdue %1</source>
        <translation>просрочено на %1</translation>
    </message>
    <message>
        <location filename="../../ui/sla_delegate.py" line="36" />
        <source>met, %1 used</source>
        <translation>в срок, затрачено %1</translation>
    </message>
    <message>
        <location filename="../../ui/sla_delegate.py" line="40" />
        <source>late by %1</source>
        <translation>опоздание %1</translation>
    </message>
    <message>
        <location filename="../../ui/sla_delegate.py" line="45" />
        <source>until %1</source>
        <translation>до %1</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../../ui/ticket_view.py" line="54" />
        <source>Select a ticket in the queue</source>
        <translation>Выберите обращение в очереди</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="60" />
        <source>Request</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="62" />
        <source>Reaction (SLA)</source>
        <translation>Реакция (SLA)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="70" />
        <source>Notify…</source>
        <translation>Уведомить…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="71" />
        <source>Severity…</source>
        <translation>Критичность…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="72" />
        <source>Confirm package</source>
        <translation>Подтвердить пакет</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="73" />
        <source>Take</source>
        <translation>Взять себе</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="74" />
        <source>Assign…</source>
        <translation>Назначить…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="75" />
        <location filename="../../ui/ticket_view.py" line="185" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="76" />
        <source>Close…</source>
        <translation>Закрыть…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="77" />
        <source>Visit…</source>
        <translation>Выезд…</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="97" />
        <source>New comment</source>
        <translation>Новый комментарий</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="99" />
        <source>Add comment</source>
        <translation>Добавить комментарий</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="105" />
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="106" />
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="107" />
        <source>Comments</source>
        <translation>Комментарии</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="108" />
        <source>Visits</source>
        <translation>Выезды</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="172" />
        <source>(claimed: %1)</source>
        <translation>(заявлен: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="178" />
        <source>Customer</source>
        <translation>Заказчик</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="179" />
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="180" />
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="181" />
        <source>Severity</source>
        <translation>Критичность</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="182" />
        <source>Package</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="183" />
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="184" />
        <source>Product version</source>
        <translation>Версия продукта</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="186" />
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="194" />
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="195" />
        <source>Deadline</source>
        <translation>Срок реакции</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="199" />
        <source>Notified</source>
        <translation>Уведомлён</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="201" />
        <source>met</source>
        <translation>в срок</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="201" />
        <source>breached</source>
        <translation>с нарушением срока</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="204" />
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="206" />
        <source>%1, working time used %2</source>
        <translation>%1, затрачено рабочего времени %2</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="210" />
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="257" />
        <source>Changed by someone else</source>
        <translation>Изменено другим сотрудником</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_view.py" line="265" />
        <source>Not possible</source>
        <translation>Действие невозможно</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="154" />
        <source>Request an on-site visit</source>
        <translation>Запрос выезда специалиста</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="159" />
        <source>Only for a city outside the cities of presence (R1.3)</source>
        <translation>Только для города вне городов присутствия (R1.3)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="161" />
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="162" />
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="163" />
        <source>Separate agreement</source>
        <translation>Отдельная договорённость</translation>
    </message>
</context>
</TS>