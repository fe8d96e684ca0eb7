import { ConversationBook, conversationRecordId, type ConversationRecord } from '../../../core/delivery';
import { MemoryConversationStore, RecordingLogger } from '../../support/fakes';

const tenantId = 'tenant-a';
const personal: Omit<ConversationRecord, 'updatedAt'> = {
  tenantId,
  id: 'personal:user-1',
  kind: 'personal',
  conversationId: 'a:chat-1',
  userId: 'user-1',
  reference: { serviceUrl: 'https://smba.example/', conversation: { id: 'a:chat-1' } },
};
const at = (iso: string) => new Date(iso);

describe('ConversationBook.remember', () => {
  it('stores a new conversation with the time it was seen', async () => {
    const store = new MemoryConversationStore();
    const book = new ConversationBook(store, new RecordingLogger());
    expect(await book.remember(personal, at('2027-03-01T09:00:00Z'))).toBe(true);
    expect(await book.personalChat(tenantId, 'user-1')).toEqual({
      ...personal,
      updatedAt: '2027-03-01T09:00:00.000Z',
    });
  });

  it('does not rewrite an unchanged reference seen again within a day', async () => {
    const store = new MemoryConversationStore();
    const book = new ConversationBook(store, new RecordingLogger());
    await book.remember(personal, at('2027-03-01T09:00:00Z'));
    expect(
      await book.remember(
        { ...personal, reference: { conversation: { id: 'a:chat-1' }, serviceUrl: 'https://smba.example/' } },
        at('2027-03-01T18:00:00Z'),
      ),
    ).toBe(false);
    expect(store.writes).toBe(1);
  });

  it('rewrites when the service URL changes, and refreshes a day-old copy', async () => {
    const store = new MemoryConversationStore();
    const book = new ConversationBook(store, new RecordingLogger());
    await book.remember(personal, at('2027-03-01T09:00:00Z'));
    const moved = {
      ...personal,
      reference: { ...personal.reference, serviceUrl: 'https://smba.example/emea/' },
    };
    expect(await book.remember(moved, at('2027-03-01T10:00:00Z'))).toBe(true);
    expect((await book.personalChat(tenantId, 'user-1'))?.reference.serviceUrl).toBe(
      'https://smba.example/emea/',
    );
    expect(await book.remember(moved, at('2027-03-02T10:00:01Z'))).toBe(true);
    expect(store.writes).toBe(3);
  });

  it('trusts what it knows for five minutes: the next messages of a chat cost no read', async () => {
    const store = new MemoryConversationStore();
    let clock = 0;
    const book = new ConversationBook(store, new RecordingLogger(), () => clock);
    await book.remember(personal, at('2027-03-01T09:00:00Z'));
    const reads = store.reads;
    clock += 4 * 60_000;
    expect(await book.remember(personal, at('2027-03-01T09:04:00Z'))).toBe(false);
    expect(await book.personalChat(tenantId, 'user-1')).toMatchObject({ conversationId: 'a:chat-1' });
    expect(store.reads).toBe(reads);
    // Forgotten elsewhere (another instance): seen once five minutes have passed.
    store.records.clear();
    expect(await book.remember(personal, at('2027-03-01T09:04:30Z'))).toBe(false);
    clock += 60_001;
    expect(await book.remember(personal, at('2027-03-01T09:05:01Z'))).toBe(true);
    expect(store.reads).toBe(reads + 1);
    expect(store.records.size).toBe(1);
  });

  it('trusts that a person has no chat for five minutes, and learns of a new chat at once', async () => {
    const store = new MemoryConversationStore();
    let clock = 0;
    const book = new ConversationBook(store, new RecordingLogger(), () => clock);
    expect(await book.personalChat(tenantId, 'user-1')).toBeUndefined();
    expect(await book.personalChat(tenantId, 'user-1')).toBeUndefined();
    expect(store.reads).toBe(1);
    await book.remember(personal, at('2027-03-01T09:00:00Z'));
    expect(await book.personalChat(tenantId, 'user-1')).toMatchObject({ conversationId: 'a:chat-1' });
    clock += 5 * 60_000;
    expect(await book.personalChat(tenantId, 'user-1')).toMatchObject({ conversationId: 'a:chat-1' });
    expect(store.reads).toBe(2);
  });

  it('reads the chats of many people in one read, each answered, and trusts the answer', async () => {
    const store = new MemoryConversationStore();
    let clock = 0;
    const book = new ConversationBook(store, new RecordingLogger(), () => clock);
    await book.remember(personal, at('2027-03-01T09:00:00Z'));
    await store.save({
      ...personal,
      id: 'personal:user-2',
      userId: 'user-2',
      updatedAt: '2027-03-01T09:00:00Z',
    });
    const reads = store.reads;
    const chats = await book.personalChats(tenantId, ['user-1', 'user-2', 'user-3', 'user-2']);
    expect([...chats.keys()]).toEqual(['user-1', 'user-2', 'user-3']);
    expect(chats.get('user-1')?.conversationId).toBe('a:chat-1');
    expect(chats.get('user-2')?.userId).toBe('user-2');
    expect(chats.get('user-3')).toBeUndefined();
    // user-1 was known already; the two others took one read together.
    expect(store.reads).toBe(reads + 1);
    expect(await book.personalChat(tenantId, 'user-3')).toBeUndefined();
    expect(await book.personalChat(tenantId, 'user-2')).toBeDefined();
    expect(store.reads).toBe(reads + 1);
    clock += 5 * 60_000;
    await book.personalChats(tenantId, ['user-1', 'user-2', 'user-3']);
    expect(store.reads).toBe(reads + 2);
  });

  it('stores a forgotten chat again on its next message', async () => {
    const store = new MemoryConversationStore();
    const book = new ConversationBook(store, new RecordingLogger());
    await book.remember(personal, at('2027-03-01T09:00:00Z'));
    expect(await book.forgetPersonalChat(tenantId, 'user-1')).toBe(true);
    expect(await book.personalChat(tenantId, 'user-1')).toBeUndefined();
    expect(await book.remember(personal, at('2027-03-01T09:01:00Z'))).toBe(true);
    expect(await book.personalChat(tenantId, 'user-1')).toBeDefined();
  });

  it('keeps tenants apart', async () => {
    const store = new MemoryConversationStore();
    const book = new ConversationBook(store, new RecordingLogger());
    await book.remember(personal, at('2027-03-01T09:00:00Z'));
    expect(await book.personalChat('tenant-b', 'user-1')).toBeUndefined();
  });
});

describe('conversationRecordId', () => {
  it('is deterministic per kind', () => {
    expect(conversationRecordId('personal', { userId: 'u', conversationId: 'a:1' })).toBe('personal:u');
    expect(conversationRecordId('channel', { channelId: '19:c@thread.tacv2', conversationId: 'x' })).toBe(
      'channel:19:c@thread.tacv2',
    );
    expect(conversationRecordId('groupChat', { conversationId: '19:g@thread.v2' })).toBe(
      'groupChat:19:g@thread.v2',
    );
  });

  it('refuses a personal record without its user', () => {
    expect(() => conversationRecordId('personal', { conversationId: 'a:1' })).toThrow(/needs the user id/);
  });
});
