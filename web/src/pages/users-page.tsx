import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  createUser,
  listUsers,
  ROLES,
  resetUserPassword,
  type TRole,
  type TUser,
  updateUser,
} from '../api/auth.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, useErrorText } from '../components/error-message.js';
import { localName } from '../components/local-name.js';
import { buildOrgUnitNodes, useOrgUnitTree } from '../components/use-org-unit-tree.js';
import { useI18n } from '../i18n/i18n.js';

interface TUserFormValues {
  username: string;
  password: string;
  roles: TRole[];
  orgUnits: Array<{ value: string; label?: unknown }>;
}

/** Several org units picked from the lazily loaded tree; values are codes. */
function OrgUnitsSelect(props: {
  value?: TUserFormValues['orgUnits'];
  onChange?: (value: TUserFormValues['orgUnits']) => void;
}) {
  const { t, language } = useI18n();
  const tree = useOrgUnitTree();
  const nodes = buildOrgUnitNodes(tree, (unit) => `${localName(unit, language)} (${unit.code})`);
  return (
    <TreeSelect
      data-testid="user-org-units"
      multiple
      labelInValue
      value={props.value ?? []}
      onChange={(next: TUserFormValues['orgUnits']) => props.onChange?.(next)}
      treeData={nodes}
      loadData={(node) => tree.loadChildren(String(node.value))}
      placeholder={t('users.orgUnitsHint')}
      showSearch
      treeNodeFilterProp="title"
      style={{ width: '100%' }}
    />
  );
}

/** The create/edit dialog: name and password only when creating. */
function UserFormModal(props: { user: TUser | 'new'; onClose(changed: boolean): void }) {
  const { t, language } = useI18n();
  const describe = useErrorText();
  const [form] = Form.useForm<TUserFormValues>();
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [isSaving, setSaving] = useState(false);
  const isNew = props.user === 'new';
  const initial: Partial<TUserFormValues> =
    props.user === 'new'
      ? { roles: ['clerk'], orgUnits: [] }
      : {
          roles: props.user.roles,
          orgUnits: props.user.orgUnits.map((unit) => ({
            value: unit.code,
            label: `${localName(unit, language)} (${unit.code})`,
          })),
        };
  const save = async () => {
    const values = await form.validateFields();
    const orgUnits = values.orgUnits.map((unit) => unit.value);
    setSaving(true);
    setFailure(undefined);
    try {
      if (props.user === 'new')
        await createUser({
          username: values.username,
          password: values.password,
          roles: values.roles,
          orgUnits,
        });
      else await updateUser(props.user.id, { roles: values.roles, orgUnits });
      props.onClose(true);
    } catch (error) {
      const text = describe(error);
      setFailure(text.detail ? `${text.title}: ${text.detail}` : text.title);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={isNew ? t('users.create') : t('users.editTitle', { name: (props.user as TUser).username })}
      okText={t('users.save')}
      cancelText={t('users.cancel')}
      confirmLoading={isSaving}
      onOk={save}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
    >
      {failure ? (
        <Alert
          type="error"
          showIcon
          title={failure}
          style={{ marginBottom: 12 }}
          data-testid="user-form-error"
        />
      ) : null}
      <Form form={form} layout="vertical" initialValues={initial} data-testid="user-form">
        {isNew ? (
          <>
            <Form.Item name="username" label={t('users.username')} rules={[{ required: true, max: 64 }]}>
              <Input autoComplete="off" data-testid="user-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('users.password')}
              rules={[{ required: true, min: 8, message: t('users.passwordRule') }]}
            >
              <Input.Password autoComplete="new-password" data-testid="user-password" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select
            mode="multiple"
            data-testid="user-roles"
            options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          />
        </Form.Item>
        <Form.Item name="orgUnits" label={t('users.orgUnits')} extra={t('users.orgUnitsExtra')}>
          <OrgUnitsSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Administration of users: list, create, change roles and org units, disable, reset password. */
export function UsersPage() {
  const { t, language } = useI18n();
  const { message, modal } = App.useApp();
  const describe = useErrorText();
  const users = useApi((signal) => listUsers(signal), []);
  const [editing, setEditing] = useState<TUser | 'new' | undefined>(undefined);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      users.reload();
    } catch (error) {
      const text = describe(error);
      void message.error(text.detail ? `${text.title}: ${text.detail}` : text.title);
    }
  };
  const resetPassword = (user: TUser) =>
    run(async () => {
      const answer = await resetUserPassword(user.id);
      modal.info({
        title: t('users.newPasswordTitle', { name: user.username }),
        content: (
          <Space direction="vertical">
            <Typography.Text copyable code data-testid="new-password">
              {answer.password}
            </Typography.Text>
            <Typography.Text type="secondary">{t('users.newPasswordOnce')}</Typography.Text>
          </Space>
        ),
      });
    }, t('users.passwordReset'));

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="user-create">
          {t('users.create')}
        </Button>
      }
    >
      {users.error ? <ErrorMessage error={users.error} onRetry={users.reload} /> : null}
      <Table<TUser>
        data-testid="users-table"
        rowKey="id"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={false}
        size="middle"
        columns={[
          {
            title: t('users.username'),
            dataIndex: 'username',
            render: (name: string) => <Typography.Text>{name}</Typography.Text>,
          },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (roles: TRole[]) => roles.map((role) => <Tag key={role}>{t(`role.${role}`)}</Tag>),
          },
          {
            title: t('users.orgUnits'),
            dataIndex: 'orgUnits',
            render: (units: TUser['orgUnits'], user) =>
              units.length > 0
                ? units.map((unit) => (
                    <Tag key={unit.code}>{`${localName(unit, language)} (${unit.code})`}</Tag>
                  ))
                : user.roles.includes('admin')
                  ? t('users.allOrgUnits')
                  : t('common.none'),
          },
          {
            title: t('users.status'),
            dataIndex: 'disabled',
            render: (disabled: boolean) =>
              disabled ? (
                <Tag color="red">{t('users.disabled')}</Tag>
              ) : (
                <Tag color="green">{t('users.active')}</Tag>
              ),
          },
          {
            title: t('users.actions'),
            key: 'actions',
            render: (_value, user) => (
              <Space size="small" wrap>
                <Button size="small" onClick={() => setEditing(user)} data-testid={`user-edit-${user.id}`}>
                  {t('users.edit')}
                </Button>
                <Button
                  size="small"
                  danger={!user.disabled}
                  data-testid={`user-toggle-${user.id}`}
                  onClick={() =>
                    run(
                      () => updateUser(user.id, { disabled: !user.disabled }),
                      user.disabled ? t('users.enabledDone') : t('users.disabledDone'),
                    )
                  }
                >
                  {user.disabled ? t('users.enable') : t('users.disable')}
                </Button>
                <Button
                  size="small"
                  onClick={() => resetPassword(user)}
                  data-testid={`user-reset-${user.id}`}
                >
                  {t('users.resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing ? (
        <UserFormModal
          user={editing}
          onClose={(changed) => {
            setEditing(undefined);
            if (changed) users.reload();
          }}
        />
      ) : null}
    </Card>
  );
}
